package org.bakusoku.pipeline;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.bakusoku.detect.PreparedInput;

/**
 * The hand-over between the preprocessing and the inference thread: a fixed set of reusable {@link PreparedInput}
 * buffers (two: one being inferred, one being prepared), a one-slot "ready" mailbox, and the state of the running
 * inference for just-in-time preparation.
 *
 * <p>A buffer is always in exactly one place: free, held by the preprocessing thread, ready, or held by the
 * inference thread. Publishing while an older input is still ready puts the older one back to free: the newest
 * prepared frame wins, as the newest captured frame wins in a frame source. One lock orders every hand-over, so a
 * buffer's contents written by one thread are visible to the other. Nothing is allocated after construction.
 */
public final class FrameExchange {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<PreparedInput> free;
    private final LongSupplier nanoTime;
    private PreparedInput ready;
    private boolean inferring;
    private long inferenceStartNanos;

    /**
     * @param buffers  number of reusable buffers, &ge; 2 (two give double buffering)
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     * @throws IllegalArgumentException if fewer than 2 buffers are asked for
     */
    public FrameExchange(int buffers, LongSupplier nanoTime) {
        if (buffers < 2) {
            throw new IllegalArgumentException("a pipeline needs at least 2 buffers, got " + buffers);
        }
        this.free = new ArrayDeque<>(buffers);
        for (int i = 0; i < buffers; i++) {
            free.add(new PreparedInput());
        }
        this.nanoTime = nanoTime;
    }

    /**
     * Preprocessing side: takes a free buffer.
     *
     * @param timeoutMs longest wait, milliseconds, &ge; 0
     * @return the buffer, or null if none became free in time
     * @throws InterruptedException if interrupted while waiting
     */
    public PreparedInput takeFree(long timeoutMs) throws InterruptedException {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (free.isEmpty()) {
                if (left <= 0) {
                    return null;
                }
                left = changed.awaitNanos(left);
            }
            return free.poll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Preprocessing side: waits until the running inference is expected to end soon enough that preparing a frame
     * now makes it ready just in time ({@link StageTiming#prefetchAt(long)}), or until it ends. While a published
     * input has not been taken yet, its inference is about to start, so this first waits for that (preparing now
     * would only make that input wait through a whole inference). Returns at once when the inference thread is idle
     * with nothing to do, or when there is no estimate yet.
     *
     * @param timing    the stage durations
     * @param timeoutMs longest wait, milliseconds, so that the caller can check whether it should stop
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitPrefetchTime(StageTiming timing, long timeoutMs) throws InterruptedException {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while ((ready != null || inferring) && left > 0) {
                long wait = left;
                if (ready == null) {
                    long at = timing.prefetchAt(inferenceStartNanos);
                    if (at == Long.MIN_VALUE) {
                        return;
                    }
                    wait = Math.min(left, at - nanoTime.getAsLong());
                    if (wait <= 0) {
                        return;
                    }
                }
                left -= wait - changed.awaitNanos(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Preprocessing side: hands a prepared buffer to the inference thread. An input still waiting there is older, so
     * it goes back to the free buffers unused.
     *
     * @param prepared a buffer taken with {@link #takeFree(long)} and filled
     */
    public void publish(PreparedInput prepared) {
        lock.lock();
        try {
            if (ready != null) {
                free.add(ready);
            }
            ready = prepared;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Preprocessing side: returns a buffer that was taken but not published (no new frame, preparation failed).
     *
     * @param unused the buffer
     */
    public void giveBack(PreparedInput unused) {
        release(unused, false);
    }

    /**
     * Inference side: takes the ready input and records that an inference starts now.
     *
     * @param timeoutMs longest wait, milliseconds, &ge; 0
     * @return the input, or null if none became ready in time
     * @throws InterruptedException if interrupted while waiting
     */
    public PreparedInput takeReady(long timeoutMs) throws InterruptedException {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (ready == null) {
                if (left <= 0) {
                    return null;
                }
                left = changed.awaitNanos(left);
            }
            PreparedInput input = ready;
            ready = null;
            inferring = true;
            inferenceStartNanos = nanoTime.getAsLong();
            changed.signalAll(); // a preparation waiting for this input to be taken can now time its start
            return input;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Inference side: the inference on this input is over; the buffer becomes free.
     *
     * @param done the input taken with {@link #takeReady(long)}
     */
    public void finished(PreparedInput done) {
        release(done, true);
    }

    /** @return start of the running inference on the clock, set by {@link #takeReady(long)} */
    public long inferenceStartNanos() {
        lock.lock();
        try {
            return inferenceStartNanos;
        } finally {
            lock.unlock();
        }
    }

    /** @return true between {@link #takeReady(long)} and {@link #finished(PreparedInput)} (for tests) */
    boolean inferring() {
        lock.lock();
        try {
            return inferring;
        } finally {
            lock.unlock();
        }
    }

    /** @return the number of free buffers (for tests) */
    int freeCount() {
        lock.lock();
        try {
            return free.size();
        } finally {
            lock.unlock();
        }
    }

    private void release(PreparedInput buffer, boolean inferenceOver) {
        lock.lock();
        try {
            free.add(buffer);
            if (inferenceOver) {
                inferring = false;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
