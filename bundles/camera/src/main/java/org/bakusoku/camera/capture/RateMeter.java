package org.bakusoku.camera.capture;

/**
 * Events per second over a sliding time window, from the instants of the last {@value #KEPT} events. Falls to 0
 * when no event happened within the window, so a stalled camera shows 0 fps. Not thread-safe.
 */
final class RateMeter {

    /** Window length, ms: long enough to smooth jitter, short enough to show a stall within seconds. */
    static final long WINDOW_MS = 2_000;
    private static final int KEPT = 256;
    private static final long WINDOW_NANOS = WINDOW_MS * 1_000_000;

    private final long[] stamps = new long[KEPT];
    private int count;
    private int next;

    /** @param nanos instant of one event, {@link System#nanoTime()} clock */
    void tick(long nanos) {
        stamps[next] = nanos;
        next = (next + 1) % KEPT;
        count = Math.min(count + 1, KEPT);
    }

    /**
     * @param nowNanos the current instant, same clock as {@link #tick}
     * @return (events in the window - 1) / (newest - oldest of them), per second; 0 with fewer than two
     */
    double perSecond(long nowNanos) {
        int inWindow = 0;
        long oldest = 0;
        long newest = 0;
        for (int i = 1; i <= count; i++) {
            long stamp = stamps[(next - i + KEPT) % KEPT];
            if (nowNanos - stamp > WINDOW_NANOS) {
                break;
            }
            if (inWindow++ == 0) {
                newest = stamp;
            }
            oldest = stamp;
        }
        return inWindow < 2 || newest == oldest ? 0 : (inWindow - 1) * 1e9 / (newest - oldest);
    }
}
