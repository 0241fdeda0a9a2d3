package org.bakusoku.bench;

import java.nio.file.Path;
import java.util.Arrays;

import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.DetectorException;
import org.bakusoku.detect.tflite.DetectorSettings;
import org.bakusoku.detect.tflite.TfliteDetector;
import org.bakusoku.pipeline.FrameTimeline;
import org.bakusoku.pipeline.Pipeline;
import org.bakusoku.pipeline.ResultListener;

/**
 * Runs the appliance's {@link Pipeline} with the real detector on a {@link ReplaySource} and measures throughput and
 * latency. The first {@value #WARM_UP_SECONDS} s (and at least {@value #WARM_UP_FRAMES} frames) are not counted:
 * the just-in-time preparation needs a few frames of timings.
 */
final class PipelineBench {

    static final double WARM_UP_SECONDS = 1.0;
    static final int WARM_UP_FRAMES = 5;

    private PipelineBench() {
    }

    /**
     * @param model     the {@code .tflite} file
     * @param input     the decoded input
     * @param threads   interpreter threads
     * @param xnnpack   offer the XNNPACK delegate
     * @param cameraFps replay camera rate, frames per second
     * @param seconds   measured window, seconds
     * @return the figures
     * @throws DetectorException    if the model cannot be loaded
     * @throws InterruptedException if interrupted while the pipeline runs
     */
    static PipelineStats run(Path model, InputFrames input, int threads, boolean xnnpack, double cameraFps,
            double seconds) throws DetectorException, InterruptedException {
        DetectorSettings settings = new DetectorSettings(model, null, null, threads, 0.5f,
                DetectorSettings.DEFAULT_MEAN, DetectorSettings.DEFAULT_STD, xnnpack);
        try (TfliteDetector detector = TfliteDetector.open(settings)) {
            ReplaySource source = new ReplaySource(input.images(), cameraFps, ReplaySource.Clock.SYSTEM);
            Recorder recorder = new Recorder(System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9));
            Pipeline pipeline = new Pipeline(() -> source, () -> detector, recorder);
            pipeline.start();
            try {
                recorder.awaitMeasured(seconds);
            } finally {
                pipeline.stop();
            }
            return recorder.stats(threads, xnnpack, cameraFps);
        }
    }

    /** Collects per-frame figures on the inference thread after the warm-up. */
    private static final class Recorder implements ResultListener {
        private static final long FIRST_FRAME_TIMEOUT_MS = 60_000;
        private final long warmUpEndNanos;
        private int seen;
        private int count;
        private long firstDoneNanos;
        private long lastDoneNanos;
        private double busyMs;
        private double[] latency = new double[256];
        private double[] captureLatency = new double[256];
        private double[] preprocess = new double[256];
        private double[] inference = new double[256];
        private double[] invoke = new double[256];

        Recorder(long warmUpEndNanos) {
            this.warmUpEndNanos = warmUpEndNanos;
        }

        @Override
        public synchronized void accept(DetectionResult result, FrameTimeline timeline, double fps) {
            seen++;
            if (seen <= WARM_UP_FRAMES || timeline.doneNanos() < warmUpEndNanos) {
                return;
            }
            if (count == latency.length) {
                latency = Arrays.copyOf(latency, count * 2);
                captureLatency = Arrays.copyOf(captureLatency, count * 2);
                preprocess = Arrays.copyOf(preprocess, count * 2);
                inference = Arrays.copyOf(inference, count * 2);
                invoke = Arrays.copyOf(invoke, count * 2);
            }
            if (count == 0) {
                firstDoneNanos = timeline.doneNanos();
                notifyAll();
            }
            lastDoneNanos = timeline.doneNanos();
            latency[count] = timeline.pipelineLatencyMs();
            captureLatency[count] = timeline.captureLatencyMs();
            preprocess[count] = result.timings().preprocessMs();
            inference[count] = (timeline.doneNanos() - timeline.inferenceStartNanos()) / 1e6;
            invoke[count] = result.timings().invokeMs();
            if (count > 0) {
                busyMs += inference[count]; // the inferences that end inside the window after its first frame
            }
            count++;
        }

        /**
         * Waits for the warm-up to end, then for the measured window.
         *
         * @throws IllegalStateException if no frame was counted within {@value #FIRST_FRAME_TIMEOUT_MS} ms
         */
        synchronized void awaitMeasured(double seconds) throws InterruptedException {
            long giveUp = System.nanoTime() + FIRST_FRAME_TIMEOUT_MS * 1_000_000L;
            while (count == 0) { // the first counted frame starts the window
                long left = giveUp - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the pipeline analysed no frame in " + FIRST_FRAME_TIMEOUT_MS
                            / 1000 + " s (see the log for the detector's errors)");
                }
                wait(Math.max(1, left / 1_000_000L));
            }
            long end = firstDoneNanos + (long) (seconds * 1e9);
            long left;
            while ((left = end - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000L));
            }
        }

        synchronized PipelineStats stats(int threads, boolean xnnpack, double cameraFps) {
            double span = (lastDoneNanos - firstDoneNanos) / 1e9;
            double fps = count < 2 || span <= 0 ? 0 : (count - 1) / span;
            return new PipelineStats(threads, xnnpack, cameraFps, count, fps, Percentiles.of(latency, count, 50),
                    Percentiles.of(latency, count, 95), Percentiles.of(captureLatency, count, 50),
                    Percentiles.of(captureLatency, count, 95), Percentiles.of(preprocess, count, 50),
                    Percentiles.of(inference, count, 50), span <= 0 ? 0 : busyMs / 1000 / span,
                    Percentiles.of(invoke, count, 50));
        }
    }
}
