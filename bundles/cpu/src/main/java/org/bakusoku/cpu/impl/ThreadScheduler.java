package org.bakusoku.cpu.impl;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The production {@link Scheduler}: one daemon thread and the system clock. Close it to stop the thread. */
final class ThreadScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadScheduler.class);

    private final ScheduledThreadPoolExecutor executor;

    /** @param threadName name of the thread, as shown in thread dumps */
    ThreadScheduler(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public long epochMs() {
        return System.currentTimeMillis();
    }

    @Override
    public void schedule(Runnable task, long delayMs) {
        if (executor.isShutdown()) {
            return;
        }
        executor.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A scheduled future would keep the exception to itself; nobody reads it.
                LOG.error("CPU monitor task failed", e);
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Drops pending tasks and waits up to one second for a running one to finish. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                LOG.warn("CPU monitor thread did not stop within 1 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
