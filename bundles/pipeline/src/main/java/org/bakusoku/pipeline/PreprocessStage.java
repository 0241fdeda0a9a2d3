package org.bakusoku.pipeline;

import java.util.function.Supplier;

import org.bakusoku.detect.Detector;
import org.bakusoku.detect.DetectorException;
import org.bakusoku.detect.PreparedInput;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preprocessing thread: takes a free buffer, waits until the running inference is about to end
 * ({@link FrameExchange#awaitPrefetchTime(StageTiming, long)}), takes the newest frame from the source, has the detector
 * encode it into the buffer ({@link Detector#prepare(Frame, PreparedInput)}: resize, colour conversion,
 * quantization) and hands it to the inference thread. Frames are never queued: the source keeps only the latest,
 * and a frame is taken as late as possible.
 *
 * <p>Source and detector are looked up per frame, so either may be replaced while the stage runs.
 */
public final class PreprocessStage extends StageLoop {

    private static final Logger LOG = LoggerFactory.getLogger(PreprocessStage.class);
    /** Longest single wait of the pipeline's stages, milliseconds. */
    public static final long WAIT_MS = 500;
    static final long IDLE_MS = 100;

    private final Supplier<FrameSource> source;
    private final Supplier<Detector> detector;
    private final FrameExchange exchange;
    private final StageTiming timing;
    private final long waitMs;
    private long lastSequence;

    /**
     * @param source   the current frame source, or null while none is available
     * @param detector the current detector, or null while none is available
     * @param exchange the hand-over to the inference thread
     * @param timing   stage durations, for just-in-time preparation
     * @param waitMs   longest single wait for a buffer, the prefetch time or a frame, milliseconds; bounds how long
     *                 {@link #stop()} takes to be noticed ({@value #WAIT_MS} in the pipeline, 0 in step-by-step tests)
     */
    public PreprocessStage(Supplier<FrameSource> source, Supplier<Detector> detector, FrameExchange exchange,
            StageTiming timing, long waitMs) {
        super(LOG, "preprocessing failed");
        this.source = source;
        this.detector = detector;
        this.exchange = exchange;
        this.timing = timing;
        this.waitMs = waitMs;
    }

    /**
     * Prepares at most one frame.
     *
     * @return true if a prepared input was handed to the inference thread
     * @throws InterruptedException when interrupted while waiting
     */
    @Override
    public boolean step() throws InterruptedException {
        FrameSource src = source.get();
        Detector det = detector.get();
        if (src == null || det == null) {
            Thread.sleep(IDLE_MS);
            return false;
        }
        PreparedInput buffer = exchange.takeFree(waitMs);
        if (buffer == null) {
            return false;
        }
        boolean published = false;
        try {
            exchange.awaitPrefetchTime(timing, waitMs);
            Frame frame = src.awaitNewer(lastSequence, waitMs);
            if (frame == null) {
                return false;
            }
            lastSequence = frame.sequence();
            det.prepare(frame, buffer);
            timing.recordPrepare(Math.round(buffer.preprocessMs() * 1e6));
            exchange.publish(buffer);
            published = true;
            return true;
        } catch (DetectorException e) {
            errors.error("detector could not prepare a frame: " + e.getMessage(), null);
            return false;
        } finally {
            if (!published) {
                exchange.giveBack(buffer);
            }
        }
    }
}
