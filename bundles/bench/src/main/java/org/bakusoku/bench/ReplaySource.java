package org.bakusoku.bench;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.bakusoku.camera.file.RgbImage;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;

/**
 * A camera without a thread: frame {@code k} (from 1) is "captured" at {@code start + (k - 1) / fps}, showing image
 * {@code (k - 1) mod n} of the decoded input. Asking for the latest frame returns the one whose capture instant
 * passed last, with that instant as its capture time, so the pipeline sees frames of a realistic age at no CPU
 * cost. Frames share the decoded pixel arrays (frames are immutable). Thread-safe.
 */
final class ReplaySource implements FrameSource {

    /** The time source; a test replaces it. */
    interface Clock {
        long nanoTime();

        void sleepUntil(long nanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepUntil(long nanos) throws InterruptedException {
                long left;
                while ((left = nanos - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(left);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
            }
        };
    }

    private final List<RgbImage> images;
    private final double fps;
    private final long periodNanos;
    private final Clock clock;
    private final long startNanos;
    private final long startEpochMs;

    /**
     * @param images the decoded input, at least one
     * @param fps    capture rate, frames per second, &gt; 0
     * @param clock  the time source
     */
    ReplaySource(List<RgbImage> images, double fps, Clock clock) {
        this.images = List.copyOf(images);
        this.fps = fps;
        this.periodNanos = Math.max(1, Math.round(1e9 / fps));
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.startEpochMs = System.currentTimeMillis();
    }

    @Override
    public Frame latest() {
        return frame(Math.max(1, currentSequence()));
    }

    @Override
    public Frame awaitNewer(long afterSequence, long timeoutMs) throws InterruptedException {
        long current = currentSequence();
        if (current > afterSequence) {
            return frame(current);
        }
        long next = afterSequence + 1;
        long due = captureNanos(next);
        if (due - clock.nanoTime() > timeoutMs * 1_000_000L) {
            return null;
        }
        clock.sleepUntil(due);
        return frame(next);
    }

    @Override
    public String description() {
        return "replay of " + images.size() + " decoded frames at " + Math.round(fps * 10) / 10.0 + " fps";
    }

    /** The sequence number of the latest frame "captured" by now, 1 at the start. */
    private long currentSequence() {
        return (clock.nanoTime() - startNanos) / periodNanos + 1;
    }

    private long captureNanos(long sequence) {
        return startNanos + (sequence - 1) * periodNanos;
    }

    private Frame frame(long sequence) {
        RgbImage image = images.get((int) ((sequence - 1) % images.size()));
        long capture = captureNanos(sequence);
        return new Frame(sequence, startEpochMs + (capture - startNanos) / 1_000_000L, capture, image.width(),
                image.height(), image.rgb());
    }
}
