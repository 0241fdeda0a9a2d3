package org.bakusoku.camera.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bakusoku.camera.SharedData;
import org.bakusoku.camera.capture.LatestFrameSlot;
import org.bakusoku.camera.capture.PacingClock;
import org.bakusoku.camera.control.AutoProbe;
import org.bakusoku.camera.control.Camera;
import org.bakusoku.camera.control.ProgramLocator;
import org.bakusoku.camera.control.SourceKind;
import org.bakusoku.camera.control.SourceSettings;
import org.bakusoku.camera.testing.Coco;
import org.bakusoku.camera.testing.Processes;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.tflite.TfliteDetector;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;
import org.bakusoku.frame.LiveView.Picture;
import org.junit.jupiter.api.Test;

/**
 * Ten live-view clients while the real detector runs on the sample video: prints the detection rate without and
 * with viewers (rates are not asserted: CI machines are shared), and asserts that detection went on and that
 * every picture was encoded once and shared by all viewers.
 */
class LiveViewersTest {

    private static final int VIEWERS = 10;
    private static final int FRAMES_PER_PHASE = 10;

    @Test
    void tenViewersShareOneEncodingAndDetectionContinues() throws Exception {
        LatestFrameSlot slot = new LatestFrameSlot();
        Camera camera = new Camera(slot, new ProgramLocator(""), new AutoProbe(new ProgramLocator(""),
                Path.of("/nonexistent"), 1_000), PacingClock.SYSTEM, (s, p) -> { });
        FrameSource source = new SlotView(slot);
        LiveEncoder live = new LiveEncoder(source, 10);
        List<Thread> viewers = new ArrayList<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Map<Long, Set<Picture>> served = new ConcurrentHashMap<>();
        AtomicLong bytesSent = new AtomicLong();
        try (TfliteDetector detector = Coco.open()) {
            camera.apply(new SourceSettings(SourceKind.FILE, SharedData.mjpegVideo().toString(), "", "", 0, 0, 30,
                    true, 0, 0, "mjpeg", 5_000, 30_000));
            detectFor(detector, source, live, 3); // warm-up
            double alone = detectFor(detector, source, live, FRAMES_PER_PHASE);

            for (int i = 0; i < VIEWERS; i++) {
                Thread viewer = new Thread(() -> {
                    long seq = 0;
                    try {
                        while (watching.get()) {
                            Picture p = live.awaitNewer(seq, 1_000);
                            if (p != null) {
                                seq = p.sequence();
                                served.computeIfAbsent(seq, k -> java.util.Collections.newSetFromMap(
                                        new IdentityHashMap<>())).add(p);
                                bytesSent.addAndGet(p.jpeg().length);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "test-viewer-" + i);
                viewer.start();
                viewers.add(viewer);
            }
            double watched = detectFor(detector, source, live, FRAMES_PER_PHASE);
            watching.set(false);
            for (Thread viewer : viewers) {
                viewer.join();
            }

            System.out.printf("detection %.1f fps alone, %.1f fps with %d live viewers (%+.1f %%);"
                    + " %d pictures encoded, %d bytes served%n", alone, watched, VIEWERS,
                    (watched - alone) / alone * 100, served.size(), bytesSent.get());
            assertThat(watched).as("detection went on while %d viewers watched", VIEWERS).isPositive();
            assertThat(served).as("viewers got pictures").isNotEmpty();
            assertThat(served.values()).as("each picture encoded once, the same bytes for every viewer")
                    .allMatch(set -> set.size() == 1);
        } finally {
            live.close();
            camera.close();
        }
        assertThat(Processes.threadsLeft(LiveEncoder.THREAD_NAME, 2_000)).isEmpty();
    }

    /** Runs detection on the next {@code frames} frames, feeding the boxes to the live view; returns frames/s. */
    private static double detectFor(TfliteDetector detector, FrameSource source, LiveEncoder live, int frames)
            throws Exception {
        long start = System.nanoTime();
        long seq = 0;
        int people = 0;
        for (int i = 0; i < frames; i++) {
            Frame frame = source.awaitNewer(seq, 10_000);
            seq = frame.sequence();
            DetectionResult result = detector.detect(frame);
            live.detections(result);
            people += result.detections().stream().anyMatch(d -> d.label().equals("person")) ? 1 : 0;
        }
        assertThat(people).as("people seen in the sample video").isPositive();
        return frames / ((System.nanoTime() - start) / 1e9);
    }

    /** The slot as a frame source. */
    private record SlotView(LatestFrameSlot slot) implements FrameSource {
        @Override
        public Frame latest() {
            return slot.latest();
        }

        @Override
        public Frame awaitNewer(long afterSequence, long timeoutMs) throws InterruptedException {
            return slot.awaitNewer(afterSequence, timeoutMs);
        }

        @Override
        public Frame display(long sequence) {
            return slot.display(sequence);
        }

        @Override
        public String description() {
            return "slot";
        }
    }
}
