package org.bakusoku.pipeline;

/**
 * Frames per second over a sliding window of the last {@value #WINDOW} frames.
 *
 * <p>Not thread-safe: called from the inference thread only.
 */
public final class FpsMeter {

    /** Frames in the window. */
    public static final int WINDOW = 30;

    private final long[] stampsNanos = new long[WINDOW];
    private int count;
    private int next;

    /**
     * Records one analysed frame.
     *
     * @param nowNanos instant on the {@link System#nanoTime()} clock
     * @return frames per second over the window, 0 until two frames were seen
     */
    public double tick(long nowNanos) {
        stampsNanos[next] = nowNanos;
        next = (next + 1) % WINDOW;
        if (count < WINDOW) {
            count++;
        }
        if (count < 2) {
            return 0;
        }
        int oldest = count < WINDOW ? 0 : next;
        long spanNanos = nowNanos - stampsNanos[oldest];
        return spanNanos <= 0 ? 0 : (count - 1) * 1e9 / spanNanos;
    }
}
