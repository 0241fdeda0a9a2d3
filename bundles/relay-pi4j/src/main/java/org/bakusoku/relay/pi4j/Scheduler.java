package org.bakusoku.relay.pi4j;

/**
 * Time and timers of the relay controller, injectable so that tests run pulses in virtual time.
 *
 * <p>Two clocks, because a Raspberry Pi has no real-time clock: NTP steps the wall clock, often by
 * years, minutes after boot. Pulse ends are computed on the monotonic clock; the wall clock only stamps
 * transitions for logs, events and the console.
 */
public interface Scheduler extends AutoCloseable {

    /** @return wall-clock time, epoch milliseconds (UTC), for timestamps only */
    long epochMs();

    /** @return monotonic time in milliseconds from an arbitrary origin, never stepped */
    long monotonicMs();

    /**
     * Runs a task once after a delay, on the scheduler's single thread.
     *
     * @param task    what to run; an exception it throws is logged, not propagated
     * @param delayMs delay in milliseconds on the monotonic clock, &ge; 0
     * @return a handle to cancel the task before it runs
     */
    Cancellable schedule(Runnable task, long delayMs);

    /** A scheduled task that can still be cancelled. */
    interface Cancellable {
        /** Prevents the task from running if it has not started; no effect afterwards. */
        void cancel();
    }

    /** Stops the timer thread, if the scheduler has one; pending tasks are dropped. */
    @Override
    default void close() {
    }
}
