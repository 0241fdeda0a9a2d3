package org.bakusoku.camera.live;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.bakusoku.camera.render.AnnotatedJpeg;
import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;
import org.bakusoku.frame.LiveView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes the live view: one thread named {@value #THREAD_NAME} turns the latest display frame, with the latest
 * detection boxes, into a JPEG at most {@code maxFps} times a second, and publishes it in a one-picture slot that
 * every viewer reads. The cost is one encoding per picture whatever the number of viewers; a slow viewer skips
 * pictures. The thread runs only while someone watches: it starts at a viewer's request and ends after
 * {@value #IDLE_MS} ms without one. Plain Java; thread-safe.
 */
public final class LiveEncoder implements LiveView {

    /** Name of the encoding thread. */
    public static final String THREAD_NAME = "bakusoku-camera-live";
    /** The encoder stops after this long without a viewer request, ms. */
    public static final long IDLE_MS = 5_000;
    /** Boxes older than this, relative to the frame shown, are not drawn: stale boxes would mislead, ms. */
    static final long BOX_MAX_AGE_MS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(LiveEncoder.class);
    private static final long FRAME_WAIT_MS = 500;

    private final FrameSource source;
    private final long periodNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition published = lock.newCondition();
    private volatile DetectionResult boxes;
    private volatile long lastRequestNanos;
    private Picture picture;
    private Thread thread;
    private boolean closed;

    /**
     * @param source where display frames come from
     * @param maxFps most pictures per second, &gt; 0
     */
    public LiveEncoder(FrameSource source, double maxFps) {
        this.source = source;
        this.periodNanos = Math.round(1e9 / maxFps);
    }

    /** @param result the latest detections, drawn on the following pictures */
    public void detections(DetectionResult result) {
        boxes = result;
    }

    @Override
    public Picture awaitNewer(long afterSequence, long timeoutMs) throws InterruptedException {
        lastRequestNanos = System.nanoTime();
        long remaining = TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMs));
        lock.lockInterruptibly();
        try {
            ensureRunning();
            while (picture == null || picture.sequence() <= afterSequence) {
                if (remaining <= 0 || closed) {
                    return null;
                }
                remaining = published.awaitNanos(remaining);
            }
            return picture;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the encoding thread for good and wakes every viewer. */
    public void close() {
        Thread running;
        lock.lock();
        try {
            closed = true;
            running = thread;
            published.signalAll();
        } finally {
            lock.unlock();
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called with the lock held. */
    private void ensureRunning() {
        if (thread == null && !closed) {
            thread = new Thread(this::run, THREAD_NAME);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        long sequence = 0;
        long nextDue = System.nanoTime();
        try {
            while (System.nanoTime() - lastRequestNanos < TimeUnit.MILLISECONDS.toNanos(IDLE_MS)) {
                long wait = nextDue - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // pace to maxFps: never more encodings than that
                }
                Frame frame = source.awaitNewer(sequence, FRAME_WAIT_MS);
                if (frame == null) {
                    continue;
                }
                sequence = frame.sequence();
                Frame display = source.display(sequence);
                nextDue = System.nanoTime() + periodNanos;
                publish(encode(display != null ? display : frame));
            }
        } catch (InterruptedException e) {
            // closed
        } catch (RuntimeException e) {
            LOG.error("camera: live view encoding failed", e);
        } finally {
            lock.lock();
            try {
                thread = null; // the next viewer starts a new one
            } finally {
                lock.unlock();
            }
        }
    }

    private Picture encode(Frame frame) {
        DetectionResult result = boxes;
        List<Detection> drawn = result != null && result.frame() != null
                && Math.abs(frame.timestampMs() - result.frame().timestampMs()) <= BOX_MAX_AGE_MS
                        ? result.detections() : List.of();
        return new Picture(frame.sequence(), frame.timestampMs(), AnnotatedJpeg.encode(frame, drawn));
    }

    private void publish(Picture next) {
        lock.lock();
        try {
            picture = next;
            published.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
