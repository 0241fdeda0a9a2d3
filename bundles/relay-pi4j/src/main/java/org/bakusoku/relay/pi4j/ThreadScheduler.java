package org.bakusoku.relay.pi4j;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Scheduler}: one daemon thread, the system clocks. Close it to stop the thread.
 */
final class ThreadScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadScheduler.class);

    private final ScheduledThreadPoolExecutor executor;

    /** @param threadName name of the timer thread, as shown in thread dumps */
    ThreadScheduler(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        // A re-pulse cancels and replaces the timer: drop cancelled timers at once instead of at their due time.
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long epochMs() {
        return System.currentTimeMillis();
    }

    @Override
    public long monotonicMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMs) {
        var future = executor.schedule(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                // A scheduled future would keep the failure to itself; nobody reads it. Errors too: the board
                // reschedules its deadlines whatever happened, and this thread keeps serving them.
                LOG.error("relay timer task failed", e);
            }
        }, delayMs, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    /** Drops pending timers and waits up to one second for a running one to finish. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                LOG.warn("relay timer thread did not stop within 1 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
