package org.bakusoku.pipeline;

import java.util.Arrays;

/**
 * Recent durations of the two stages, and from them the moment to start preparing the next frame so that it is
 * ready just before the running inference ends: late enough that the frame is fresh, early enough that the
 * inference thread does not wait.
 *
 * <p>The start is {@code inferenceStart + q25(inference) - q90(prepare) - }{@value #MARGIN_NANOS}{@code  ns}: a low
 * quantile of the inference time and a high one of the preparation time, so that in most frames the input is ready
 * before the inference ends even when the timings jitter. Until {@value #MIN_SAMPLES} frames of each stage have been
 * seen there is no estimate and preparation starts at once. Thread-safe (both stages report here); no allocation.
 */
public final class StageTiming {

    /** Durations kept per stage. */
    static final int WINDOW = 32;
    /** Samples needed per stage before frames are prepared just in time. */
    static final int MIN_SAMPLES = 3;
    /** Safety margin before the expected end of the inference, nanoseconds (1 ms). */
    static final long MARGIN_NANOS = 1_000_000L;

    private final Window inference = new Window();
    private final Window prepare = new Window();

    /** @param nanos duration of one inference (copy, invoke, decode), nanoseconds */
    public synchronized void recordInference(long nanos) {
        inference.add(nanos);
    }

    /** @param nanos duration of one preparation (resize and encode), nanoseconds */
    public synchronized void recordPrepare(long nanos) {
        prepare.add(nanos);
    }

    /**
     * @param inferenceStartNanos start of the running inference on the {@link System#nanoTime()} clock
     * @return when to start preparing the next frame on the same clock; {@link Long#MIN_VALUE} (at once) while there
     *         are too few samples
     */
    public synchronized long prefetchAt(long inferenceStartNanos) {
        if (inference.count < MIN_SAMPLES || prepare.count < MIN_SAMPLES) {
            return Long.MIN_VALUE;
        }
        return inferenceStartNanos + inference.quantile(0.25) - prepare.quantile(0.90) - MARGIN_NANOS;
    }

    /** The last {@link #WINDOW} durations of one stage, with a scratch array for quantiles. */
    private static final class Window {
        private final long[] values = new long[WINDOW];
        private final long[] sorted = new long[WINDOW];
        private int count;
        private int next;

        void add(long nanos) {
            values[next] = nanos;
            next = (next + 1) % WINDOW;
            count = Math.min(WINDOW, count + 1);
        }

        /** Nearest-rank quantile of the kept values. */
        long quantile(double q) {
            System.arraycopy(values, 0, sorted, 0, count);
            Arrays.sort(sorted, 0, count);
            int rank = (int) Math.ceil(q * count) - 1;
            return sorted[Math.max(0, Math.min(count - 1, rank))];
        }
    }
}
