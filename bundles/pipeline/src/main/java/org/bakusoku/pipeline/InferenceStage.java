package org.bakusoku.pipeline;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.Detector;
import org.bakusoku.detect.DetectorException;
import org.bakusoku.detect.PreparedInput;
import org.bakusoku.detect.Timings;
import org.bakusoku.frame.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inference thread: takes the prepared input, runs {@link Detector#detect(PreparedInput)} (copy into the input
 * tensor, {@code Invoke()}, decode), frees the buffer at once so that the preprocessing thread can go on, and hands
 * the result to the listener with the latency from capture to detections ready.
 */
public final class InferenceStage extends StageLoop {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceStage.class);

    private final Supplier<Detector> detector;
    private final FrameExchange exchange;
    private final StageTiming timing;
    private final ResultListener listener;
    private final LongSupplier nanoTime;
    private final long waitMs;
    private final FpsMeter fps = new FpsMeter();

    /**
     * @param detector the current detector, or null while none is available
     * @param exchange the hand-over from the preprocessing thread
     * @param timing   receives the inference durations
     * @param listener receives each result
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     * @param waitMs   longest wait for a prepared input, milliseconds ({@link PreprocessStage#WAIT_MS} in the
     *                 pipeline, 0 in step-by-step tests)
     */
    public InferenceStage(Supplier<Detector> detector, FrameExchange exchange, StageTiming timing,
            ResultListener listener, LongSupplier nanoTime, long waitMs) {
        super(LOG, "pipeline step failed");
        this.detector = detector;
        this.exchange = exchange;
        this.timing = timing;
        this.listener = listener;
        this.nanoTime = nanoTime;
        this.waitMs = waitMs;
    }

    /**
     * Analyses at most one prepared frame.
     *
     * @return true if a frame was analysed and handed to the listener
     * @throws InterruptedException when interrupted while waiting
     */
    @Override
    public boolean step() throws InterruptedException {
        Detector det = detector.get();
        if (det == null) {
            Thread.sleep(PreprocessStage.IDLE_MS);
            return false;
        }
        PreparedInput input = exchange.takeReady(waitMs);
        if (input == null) {
            return false;
        }
        long start = exchange.inferenceStartNanos();
        Frame frame = input.frame();
        long prepareStart = input.startNanos();
        DetectionResult result;
        try {
            result = det.detect(input);
        } catch (DetectorException e) {
            errors.error("detector failed on " + frame + ": " + e.getMessage(), null);
            return false;
        } finally {
            timing.recordInference(nanoTime.getAsLong() - start);
            exchange.finished(input); // from here on the preprocessing thread may reuse the buffer
        }
        long done = nanoTime.getAsLong();
        Timings t = result.timings();
        DetectionResult withLatency = new DetectionResult(result.frame(), result.model(), result.detections(),
                new Timings(t.preprocessMs(), t.invokeMs(), (done - frame.captureNanos()) / 1e6));
        listener.accept(withLatency, new FrameTimeline(frame.captureNanos(), prepareStart, start, done),
                fps.tick(done));
        return true;
    }
}
