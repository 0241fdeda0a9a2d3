package org.bakusoku.camera.capture;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.bakusoku.camera.file.RgbImage;
import org.bakusoku.frame.Frame;

/**
 * A one-slot mailbox holding the latest frame: each publication replaces the previous frame, so a slow
 * consumer skips frames instead of queueing them. Sequence numbers start at 1 and increase by one per
 * publication for the slot's whole life (across loops, re-configurations and source switches). Thread-safe.
 *
 * <p>Each publication makes two frames with the same sequence and timestamps: the <em>display</em> frame (the image
 * as captured; the last {@value #DISPLAY_KEPT} are kept, for snapshots of analysed frames) and the <em>detection</em>
 * frame, scaled to the configured detection size by {@link BilinearScaler} on the publishing (capture) thread, so
 * the inference thread does not resize. Without a detection size both are the same object.
 */
public final class LatestFrameSlot {

    /** Number of recent display frames kept for {@link #display(long)}. */
    public static final int DISPLAY_KEPT = 8;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition published = lock.newCondition();
    private final Frame[] recentDisplay = new Frame[DISPLAY_KEPT];
    private final RateMeter rate = new RateMeter();
    private volatile Frame latest;
    private volatile Frame latestDisplay;
    private volatile int detectWidth;
    private volatile int detectHeight;
    private long lastSequence;

    /**
     * Sets the size detection frames are scaled to; 0 x 0 publishes the captured image unscaled.
     *
     * @param width  pixels, 0 or &gt; 0
     * @param height pixels, 0 or &gt; 0; 0 together with width
     * @throws IllegalArgumentException if only one is 0 or one is negative
     */
    public void detectSize(int width, int height) {
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("detection size must be 0x0 or positive, got " + width + "x" + height);
        }
        detectWidth = width;
        detectHeight = height;
    }

    /**
     * Publishes an image as the next frame, stamped now ({@link System#currentTimeMillis()},
     * {@link System#nanoTime()}), and wakes every waiting consumer.
     *
     * @param image the decoded image; its array must never be written afterwards
     * @return the published detection frame
     */
    public Frame publish(RgbImage image) {
        int w = detectWidth;
        int h = detectHeight;
        RgbImage scaled = w == 0 || (w == image.width() && h == image.height()) ? image
                : BilinearScaler.scale(image, w, h);
        long nanos = System.nanoTime();
        long ms = System.currentTimeMillis();
        lock.lock();
        try {
            long sequence = ++lastSequence;
            Frame display = new Frame(sequence, ms, nanos, image.width(), image.height(), image.rgb());
            Frame detection = scaled == image ? display
                    : new Frame(sequence, ms, nanos, scaled.width(), scaled.height(), scaled.rgb());
            recentDisplay[(int) (sequence % DISPLAY_KEPT)] = display;
            latestDisplay = display;
            latest = detection;
            rate.tick(nanos);
            published.signalAll();
            return detection;
        } finally {
            lock.unlock();
        }
    }

    /** @return the most recent detection frame, or {@code null} before the first publication */
    public Frame latest() {
        return latest;
    }

    /** @return the most recent display frame, or {@code null} before the first publication */
    public Frame latestDisplay() {
        return latestDisplay;
    }

    /**
     * @param sequence a frame sequence
     * @return the display frame with that sequence if it is among the last {@value #DISPLAY_KEPT}, else {@code null}
     */
    public Frame display(long sequence) {
        lock.lock();
        try {
            Frame frame = sequence > 0 ? recentDisplay[(int) (sequence % DISPLAY_KEPT)] : null;
            return frame != null && frame.sequence() == sequence ? frame : null;
        } finally {
            lock.unlock();
        }
    }

    /** @return frames published per second over the last {@value RateMeter#WINDOW_MS} ms, 0 when none */
    public double captureFps() {
        lock.lock();
        try {
            return rate.perSecond(System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits, without spinning, for a frame whose sequence is greater than {@code afterSequence}.
     *
     * @param afterSequence the sequence the caller already has, or 0 for none
     * @param timeoutMs     longest wait, milliseconds; a negative value counts as 0
     * @return the latest detection frame if it is newer, else {@code null} after the timeout
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
