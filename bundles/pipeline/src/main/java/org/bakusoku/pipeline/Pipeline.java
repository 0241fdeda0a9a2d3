package org.bakusoku.pipeline;

import java.util.function.Supplier;

import org.bakusoku.detect.Detector;
import org.bakusoku.frame.FrameSource;

/**
 * Latest frame to detections in two overlapping stages: the preprocessing thread {@value #PREPROCESS_THREAD}
 * prepares frame N+1 (resize, encode) while the inference thread {@value #INFERENCE_THREAD} runs the model on frame
 * N, so throughput approaches one frame per inference and the inference thread does nothing but copy the prepared
 * bytes, invoke and decode. Two reusable buffers, no frame queue. Plain Java: the appliance's DS component and the
 * {@code bench} command both run it.
 */
public final class Pipeline {

    /** Name of the inference thread. */
    public static final String INFERENCE_THREAD = "bakusoku-pipeline";
    /** Name of the preprocessing thread. */
    public static final String PREPROCESS_THREAD = "bakusoku-preprocess";
    private static final long JOIN_MS = 5_000;

    private final PreprocessStage preprocess;
    private final InferenceStage inference;
    private Thread preprocessThread;
    private Thread inferenceThread;

    /**
     * @param source   the current frame source, or null while none is available
     * @param detector the current detector, or null while none is available
     * @param listener receives each result on the inference thread
     */
    public Pipeline(Supplier<FrameSource> source, Supplier<Detector> detector, ResultListener listener) {
        FrameExchange exchange = new FrameExchange(2, System::nanoTime);
        StageTiming timing = new StageTiming();
        this.preprocess = new PreprocessStage(source, detector, exchange, timing, PreprocessStage.WAIT_MS);
        this.inference = new InferenceStage(detector, exchange, timing, listener, System::nanoTime,
                PreprocessStage.WAIT_MS);
    }

    /** Starts both threads (daemons); does nothing if they run. */
    public synchronized void start() {
        if (inferenceThread != null) {
            return;
        }
        inferenceThread = new Thread(inference, INFERENCE_THREAD);
        preprocessThread = new Thread(preprocess, PREPROCESS_THREAD);
        inferenceThread.setDaemon(true);
        preprocessThread.setDaemon(true);
        inferenceThread.start();
        preprocessThread.start();
    }

    /**
     * Stops both threads and waits for them (at most 5 s each: an {@code Invoke()} in progress finishes first).
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public synchronized void stop() throws InterruptedException {
        if (inferenceThread == null) {
            return;
        }
        preprocess.stop();
        inference.stop();
        preprocessThread.interrupt();
        inferenceThread.interrupt();
        preprocessThread.join(JOIN_MS);
        inferenceThread.join(JOIN_MS);
        preprocessThread = null;
        inferenceThread = null;
    }
}
