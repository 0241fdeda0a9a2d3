package org.bakusoku.model.repo;

/** Runs a task once after a delay; a seam so that tests control time instead of sleeping. */
@FunctionalInterface
public interface Scheduler {

    /**
     * @param task    what to run, on a scheduler thread
     * @param delayMs delay, ms
     * @return cancels the task if it has not run yet
     */
    Runnable schedule(Runnable task, long delayMs);
}
