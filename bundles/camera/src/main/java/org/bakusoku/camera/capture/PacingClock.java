package org.bakusoku.camera.capture;

import java.util.concurrent.TimeUnit;

/**
 * The time source the capture thread paces frames and open retries with. Production uses {@link #SYSTEM};
 * tests substitute a clock they advance by hand, so no test depends on real time.
 */
public interface PacingClock {

    /** {@link System#nanoTime()} and {@link TimeUnit#sleep(long)}. */
    PacingClock SYSTEM = new PacingClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };

    /** @return a monotonic time, nanoseconds, with an arbitrary origin */
    long nanoTime();

    /**
     * Blocks the calling thread for a while.
     *
     * @param nanos how long, nanoseconds, &gt; 0
     * @throws InterruptedException if the thread is interrupted meanwhile (how a capture thread is stopped)
     */
    void sleepNanos(long nanos) throws InterruptedException;
}
