package org.bakusoku.pipeline;

import org.slf4j.Logger;

/**
 * The loop each pipeline thread runs: one {@link #step()} after another until {@link #stop()} or an interrupt.
 * A step that throws a {@link RuntimeException} is logged (rate-limited) and the loop goes on, because a detector
 * bug must not end the pipeline.
 */
abstract class StageLoop implements Runnable {

    /** The stage's error log, at most one line per {@value RateLimitedLog#INTERVAL_MS} ms. */
    final RateLimitedLog errors;
    private final String failure;
    private volatile boolean running = true;

    /**
     * @param log     the stage's log
     * @param failure what a failed step is logged as, e.g. {@code "preprocessing failed"}
     */
    StageLoop(Logger log, String failure) {
        this.errors = new RateLimitedLog(log);
        this.failure = failure;
    }

    /** Asks the stage to end after the current frame. */
    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                errors.error(failure + ": " + e, e);
            }
        }
    }

    /**
     * Handles at most one frame.
     *
     * @return true if a frame went through the stage
     * @throws InterruptedException when interrupted while waiting
     */
    public abstract boolean step() throws InterruptedException;
}
