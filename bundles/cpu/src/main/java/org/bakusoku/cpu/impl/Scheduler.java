package org.bakusoku.cpu.impl;

/** Time and timers of the CPU monitor, injectable so that tests run in virtual time. */
interface Scheduler {

    /** @return wall-clock time, epoch milliseconds (UTC) */
    long epochMs();

    /**
     * Runs a task once after a delay, on the scheduler's single thread.
     *
     * @param task    what to run; an exception it throws is logged, not propagated
     * @param delayMs delay in milliseconds, &ge; 0
     */
    void schedule(Runnable task, long delayMs);
}
