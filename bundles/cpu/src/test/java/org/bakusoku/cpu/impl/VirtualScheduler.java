package org.bakusoku.cpu.impl;

import java.util.PriorityQueue;

/** A {@link Scheduler} on virtual time: tasks run on the test thread when the test advances the clock. */
final class VirtualScheduler implements Scheduler {

    /** Wall-clock origin of virtual time, epoch ms (2026-01-01T00:00:00Z). */
    static final long ORIGIN_MS = 1_767_225_600_000L;

    private record Timer(long dueMs, long seq, Runnable task) {
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            (a, b) -> a.dueMs != b.dueMs ? Long.compare(a.dueMs, b.dueMs) : Long.compare(a.seq, b.seq));
    private long nowMs = ORIGIN_MS;
    private long seq;

    @Override
    public long epochMs() {
        return nowMs;
    }

    @Override
    public void schedule(Runnable task, long delayMs) {
        timers.add(new Timer(nowMs + delayMs, seq++, task));
    }

    /** Moves virtual time forward by {@code ms}, running every task due until then, each at its instant. */
    void advance(long ms) {
        long target = nowMs + ms;
        while (!timers.isEmpty() && timers.peek().dueMs <= target) {
            Timer timer = timers.poll();
            nowMs = timer.dueMs;
            timer.task.run();
        }
        nowMs = target;
    }
}
