package org.bakusoku.camera.snapshot;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.bakusoku.camera.render.AnnotatedJpeg;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;
import org.bakusoku.frame.Snapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the snapshot of a rule trigger: remembers the last few analysed frames ({@link #detected}), and on
 * {@link #take} draws the newest one that has detections, on its display-size frame when the source still keeps it
 * (else on the analysed frame), and saves it. Plain Java; thread-safe.
 */
public final class SnapshotTaker {

    /** Analysed frames remembered: enough to cover the frames between a trigger and the snapshot. */
    static final int KEPT = 8;

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotTaker.class);

    private final SnapshotStore store;
    private final Supplier<FrameSource> source;
    private final ArrayDeque<DetectionResult> recent = new ArrayDeque<>(KEPT);

    /**
     * @param store  where snapshots go
     * @param source the current frame source, or null while none (for display-size frames)
     */
    public SnapshotTaker(SnapshotStore store, Supplier<FrameSource> source) {
        this.store = store;
        this.source = source;
    }

    /** @param result one analysed frame */
    public synchronized void detected(DetectionResult result) {
        if (recent.size() == KEPT) {
            recent.removeLast();
        }
        recent.addFirst(result);
    }

    /**
     * Saves a snapshot of the newest analysed frame with detections.
     *
     * @param reason what triggered it, e.g. {@code "rule person-alarm: person 0.83"}
     * @return the snapshot, or empty if no recent frame had detections or it could not be written (logged)
     */
    public Optional<Snapshots.Snapshot> take(String reason) {
        DetectionResult result;
        synchronized (this) {
            result = recent.stream().filter(r -> !r.detections().isEmpty()).findFirst().orElse(null);
        }
        if (result == null) {
            LOG.debug("camera: no recent detections to snapshot for '{}'", reason);
            return Optional.empty();
        }
        Frame analysed = result.frame();
        FrameSource current = source.get();
        Frame display = current == null ? null : current.display(analysed.sequence());
        Frame picture = display != null && display.timestampMs() == analysed.timestampMs() ? display : analysed;
        List<Snapshots.Item> items = result.detections().stream()
                .map(d -> new Snapshots.Item(d.label(), d.score())).toList();
        try {
            Snapshots.Snapshot saved = store.save(AnnotatedJpeg.encode(picture, result.detections()),
                    analysed.timestampMs(), reason, items);
            LOG.info("camera: snapshot {} saved ({}x{}, {} bytes): {}", saved.id(), picture.width(), picture.height(),
                    saved.sizeBytes(), reason);
            return Optional.of(saved);
        } catch (IOException e) {
            LOG.error("camera: snapshot for '{}' not saved in {}: {}", reason, store.dir(), e.toString());
            return Optional.empty();
        }
    }
}
