package org.bakusoku.relay.pi4j;

import java.util.PriorityQueue;

/**
 * A {@link Scheduler} on virtual time: tasks run on the test thread when the test advances the clock,
 * in due order, each at its due instant.
 */
public final class VirtualScheduler implements Scheduler {

    /** Wall-clock origin of virtual time, epoch ms (2026-01-01T00:00:00Z). */
    public static final long EPOCH_ORIGIN_MS = 1_767_225_600_000L;

    private record Timer(long dueMs, long seq, Runnable task) {
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            (a, b) -> a.dueMs != b.dueMs ? Long.compare(a.dueMs, b.dueMs) : Long.compare(a.seq, b.seq));
    private long nowMs;
    private long seq;

    @Override
    public long epochMs() {
        return EPOCH_ORIGIN_MS + nowMs;
    }

    @Override
    public long monotonicMs() {
        return nowMs;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMs) {
        Timer timer = new Timer(nowMs + delayMs, seq++, task);
        timers.add(timer);
        return () -> timers.remove(timer);
    }

    /** @return virtual time, ms since the start of the test */
    public long now() {
        return nowMs;
    }

    /** Moves virtual time to {@code targetMs}, running every task due until then. */
    public void advanceTo(long targetMs) {
        if (targetMs < nowMs) {
            throw new IllegalArgumentException("time runs forward: " + targetMs + " < " + nowMs);
        }
        while (!timers.isEmpty() && timers.peek().dueMs <= targetMs) {
            Timer timer = timers.poll();
            nowMs = timer.dueMs;
            timer.task.run();
        }
        nowMs = targetMs;
    }

    /** @return number of timers not yet run nor cancelled */
    public int pending() {
        return timers.size();
    }
}
