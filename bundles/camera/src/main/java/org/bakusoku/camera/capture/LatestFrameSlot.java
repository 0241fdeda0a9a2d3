package org.bakusoku.camera.capture;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.bakusoku.camera.file.RgbImage;
import org.bakusoku.frame.Frame;

/**
 * A one-slot mailbox holding the latest frame: each publication replaces the previous frame, so a slow
 * consumer skips frames instead of queueing them. Sequence numbers start at 1 and increase by one per
 * publication for the slot's whole life (across loops and re-configurations). Thread-safe.
 */
public final class LatestFrameSlot {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition published = lock.newCondition();
    private volatile Frame latest;
    private long lastSequence;

    /**
     * Publishes an image as the next frame, stamped now ({@link System#currentTimeMillis()},
     * {@link System#nanoTime()}), and wakes every waiting consumer.
     *
     * @param image the decoded image; its array must never be written afterwards
     * @return the published frame
     */
    public Frame publish(RgbImage image) {
        lock.lock();
        try {
            Frame frame = new Frame(++lastSequence, System.currentTimeMillis(), System.nanoTime(), image.width(),
                    image.height(), image.rgb());
            latest = frame;
            published.signalAll();
            return frame;
        } finally {
            lock.unlock();
        }
    }

    /** @return the most recent frame, or {@code null} before the first publication */
    public Frame latest() {
        return latest;
    }

    /**
     * Waits, without spinning, for a frame whose sequence is greater than {@code afterSequence}.
     *
     * @param afterSequence the sequence the caller already has, or 0 for none
     * @param timeoutMs     longest wait, milliseconds; a negative value counts as 0
     * @return the latest frame if it is newer, else {@code null} after the timeout
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public Frame awaitNewer(long afterSequence, long timeoutMs) throws InterruptedException {
        Frame frame = latest;
        if (frame != null && frame.sequence() > afterSequence) {
            return frame;
        }
        long remaining = TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMs));
        lock.lockInterruptibly();
        try {
            for (frame = latest; frame == null || frame.sequence() <= afterSequence; frame = latest) {
                if (remaining <= 0) {
                    return null;
                }
                remaining = published.awaitNanos(remaining);
            }
            return frame;
        } finally {
            lock.unlock();
        }
    }
}
