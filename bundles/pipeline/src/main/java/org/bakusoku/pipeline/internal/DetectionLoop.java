package org.bakusoku.pipeline.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.bakusoku.detect.DetectTopics;
import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.Detector;
import org.bakusoku.detect.DetectorException;
import org.bakusoku.detect.Timings;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's single worker: waits for the latest frame, runs the detector, and hands a
 * {@link DetectTopics#DETECTED} event to the publisher.
 *
 * <p>The loop never queues frames: it always asks the source for the newest one, so a slow detector
 * skips frames. Source and detector are looked up per frame, so either may be replaced (a new model,
 * an updated detector bundle) while the loop runs.
 */
final class DetectionLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionLoop.class);
    private static final long WAIT_MS = 500;
    private static final long ERROR_LOG_INTERVAL_MS = 10_000;

    private final Supplier<FrameSource> source;
    private final Supplier<Detector> detector;
    private final Consumer<Map<String, Object>> publisher;
    private final FpsMeter fps = new FpsMeter();
    private volatile boolean running = true;
    private long lastSequence;
    private long lastErrorLogMs;

    /**
     * @param source    the current frame source, or null while none is available
     * @param detector  the current detector, or null while none is available
     * @param publisher receives the properties of each DETECTED event
     */
    DetectionLoop(Supplier<FrameSource> source, Supplier<Detector> detector, Consumer<Map<String, Object>> publisher) {
        this.source = source;
        this.detector = detector;
        this.publisher = publisher;
    }

    /** Asks the loop to end after the current frame. */
    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // A detector bug must not end the pipeline: log (rate-limited) and go on with the next frame.
                logError("pipeline step failed: " + e, e);
            }
        }
    }

    /**
     * Processes at most one frame.
     *
     * @return true if a frame was analysed
     * @throws InterruptedException when the thread is interrupted while waiting for a frame
     */
    boolean step() throws InterruptedException {
        FrameSource src = source.get();
        Detector det = detector.get();
        if (src == null || det == null) {
            Thread.sleep(WAIT_MS / 5);
            return false;
        }
        Frame frame = src.awaitNewer(lastSequence, WAIT_MS);
        if (frame == null) {
            return false;
        }
        lastSequence = frame.sequence();
        DetectionResult result;
        try {
            result = det.detect(frame);
        } catch (DetectorException e) {
            logError("detector failed on " + frame + ": " + e.getMessage(), null);
            return false;
        }
        long now = System.nanoTime();
        double totalMs = (now - frame.captureNanos()) / 1e6;
        Timings t = result.timings();
        result = new DetectionResult(frame, result.model(), result.detections(),
                new Timings(t.preprocessMs(), t.invokeMs(), totalMs));
        publisher.accept(eventProperties(result, fps.tick(now)));
        return true;
    }

    static Map<String, Object> eventProperties(DetectionResult result, double fps) {
        Map<String, Object> props = new HashMap<>();
        props.put(DetectTopics.RESULT, result);
        props.put(DetectTopics.LABELS, result.detections().stream().map(Detection::label).toArray(String[]::new));
        props.put(DetectTopics.MODEL_ID, result.model().id());
        props.put(DetectTopics.FRAME_TIME, result.frame().timestampMs());
        props.put(DetectTopics.FPS, fps);
        return props;
    }

    private void logError(String message, Throwable cause) {
        long now = System.currentTimeMillis();
        if (now - lastErrorLogMs >= ERROR_LOG_INTERVAL_MS) {
            lastErrorLogMs = now;
            LOG.error(message, cause);
        }
    }
}
