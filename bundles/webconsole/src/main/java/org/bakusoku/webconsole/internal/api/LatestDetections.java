package org.bakusoku.webconsole.internal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.bakusoku.detect.DetectTopics;
import org.bakusoku.detect.DetectionResult;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the most recent detection results from {@link DetectTopics#DETECTED} events for the API.
 *
 * <p>The last {@value #KEPT} results are kept, not just one: the page first reads the JSON of the latest
 * result and then asks for that frame's JPEG by its capture time; by then the pipeline may have posted a
 * newer frame, and boxes drawn on the wrong frame would jump. Results share their frames with the
 * pipeline, so keeping a few costs no copies. The handler only swaps a reference, well within
 * EventAdmin's time budget.
 */
@Component(service = { LatestDetections.class, EventHandler.class },
        property = EventConstants.EVENT_TOPIC + "=" + DetectTopics.DETECTED)
public final class LatestDetections implements EventHandler {

    /** Number of recent results kept. */
    static final int KEPT = 4;

    private static final Logger LOG = LoggerFactory.getLogger(LatestDetections.class);

    /**
     * One analysed frame as the API shows it.
     *
     * @param result the detections, frame, model and timings
     * @param fps    frames analysed per second as the pipeline measured it, or null if the event had none
     */
    public record Snapshot(DetectionResult result, Double fps) {
    }

    /** Newest first, at most {@link #KEPT}; replaced as a whole so readers never see a half update. */
    private final AtomicReference<List<Snapshot>> recent = new AtomicReference<>(List.of());
    private final AtomicBoolean badEventLogged = new AtomicBoolean();

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(DetectTopics.RESULT) instanceof DetectionResult result) || result.frame() == null) {
            // At camera frame rates a log line per bad event would flood the log: say it once.
            if (badEventLogged.compareAndSet(false, true)) {
                LOG.warn("ignoring {} events without a DetectionResult with a frame in property '{}' "
                        + "(logged once)", event.getTopic(), DetectTopics.RESULT);
            }
            return;
        }
        Double fps = event.getProperty(DetectTopics.FPS) instanceof Number n ? n.doubleValue() : null;
        add(new Snapshot(result, fps));
    }

    /** @param snapshot the newest result, becomes {@link #latest()} */
    void add(Snapshot snapshot) {
        recent.updateAndGet(old -> {
            List<Snapshot> next = new ArrayList<>(KEPT);
            next.add(snapshot);
            next.addAll(old.subList(0, Math.min(old.size(), KEPT - 1)));
            return List.copyOf(next);
        });
    }

    /** @return the newest result, or empty before the first frame was analysed */
    public Optional<Snapshot> latest() {
        List<Snapshot> list = recent.get();
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /**
     * @param frameTimeMs a frame's capture time, epoch ms, as reported in {@code frame_time_ms}
     * @return the kept result of that frame, or empty if it has already been replaced by newer ones
     */
    public Optional<Snapshot> byFrameTime(long frameTimeMs) {
        return recent.get().stream().filter(s -> s.result().frame().timestampMs() == frameTimeMs).findFirst();
    }
}
