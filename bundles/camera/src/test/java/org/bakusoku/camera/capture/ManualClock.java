package org.bakusoku.camera.capture;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link PacingClock} that only moves when a test advances it: a capture thread asleep in
 * {@link #sleepNanos} wakes when the test has advanced the clock past its wake-up time. Tests wait for the
 * thread to reach its next sleep, so every step is deterministic.
 */
final class ManualClock implements PacingClock {

    /** Guard against a test that waits for a sleep that never comes; not a timing assertion. */
    private static final long DEADLOCK_GUARD_SECONDS = 20;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long now;
    private int sleeps;
    private long lastSleepNanos;

    @Override
    public long nanoTime() {
        lock.lock();
        try {
            return now;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
        lock.lock();
        try {
            sleeps++;
            lastSleepNanos = nanos;
            long until = now + nanos;
            changed.signalAll();
            while (now < until) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Moves time forward, waking sleepers whose time has come. */
    void advance(long nanos) {
        lock.lock();
        try {
            now += nanos;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the capture thread has begun its {@code count}-th sleep (counted from the start), i.e. it
     * has published everything due before that sleep and is now blocked.
     */
    void awaitSleeps(int count) throws InterruptedException {
        long remaining = TimeUnit.SECONDS.toNanos(DEADLOCK_GUARD_SECONDS);
        lock.lock();
        try {
            while (sleeps < count) {
                if (remaining <= 0) {
                    throw new AssertionError("the capture thread never reached sleep #" + count + " (at " + sleeps + ")");
                }
                remaining = changed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Advances by {@code nanos} and waits until the capture thread sleeps again. */
    void step(long nanos) throws InterruptedException {
        int before = sleeps();
        advance(nanos);
        awaitSleeps(before + 1);
    }

    int sleeps() {
        lock.lock();
        try {
            return sleeps;
        } finally {
            lock.unlock();
        }
    }

    /** @return the duration asked for by the latest sleep, nanoseconds */
    long lastSleepNanos() {
        lock.lock();
        try {
            return lastSleepNanos;
        } finally {
            lock.unlock();
        }
    }
}
