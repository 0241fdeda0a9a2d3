package org.bakusoku.camera.capture;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.concurrent.TimeUnit;

import org.bakusoku.camera.file.ImageSequence;
import org.bakusoku.camera.file.ImageSequences;
import org.bakusoku.camera.file.RgbImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of one capture thread: opens the configured file, decodes its images and publishes them into the
 * {@link LatestFrameSlot} at the configured rate, pass after pass when looping.
 *
 * <p>An unopenable or unreadable source is retried every retry interval (a user may copy the file later);
 * each new reason is logged once. The thread ends when interrupted, or after the last frame when not looping.
 */
final class CaptureLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureLoop.class);

    private enum PassEnd { AGAIN, RETRY, END }

    private final CameraSettings settings;
    private final LatestFrameSlot slot;
    private final PacingClock clock;
    private final long retryNanos;
    private final CaptureListener listener;
    private ImageSequence sequence;
    private long nextDueNanos;
    private boolean paced;
    private volatile CaptureState state = CaptureState.STARTING;
    private volatile String reason = "";
    private volatile double fps;

    /**
     * @param settings   what to play
     * @param opened     the source already opened by the caller (handed over to the thread), or {@code null}
     * @param slot       where frames go
     * @param clock      pacing time source
     * @param retryNanos wait between attempts to open the source, nanoseconds
     * @param listener   told of every change of state or reason, on the capture thread
     */
    CaptureLoop(CameraSettings settings, ImageSequence opened, LatestFrameSlot slot, PacingClock clock,
            long retryNanos, CaptureListener listener) {
        this.settings = settings;
        this.sequence = opened;
        this.slot = slot;
        this.clock = clock;
        this.retryNanos = retryNanos;
        this.listener = listener;
    }

    @Override
    public void run() {
        try {
            while (true) {
                if (sequence == null) {
                    sequence = tryOpen();
                }
                PassEnd end = sequence == null ? PassEnd.RETRY : playPass();
                if (end == PassEnd.END) {
                    return;
                }
                if (end == PassEnd.RETRY) {
                    clock.sleepNanos(retryNanos);
                }
            }
        } catch (InterruptedException e) {
            enter(CaptureState.STOPPED, ""); // stop() interrupted us: the only way a looping capture ends
        } finally {
            close();
        }
    }

    CaptureState state() {
        return state;
    }

    /** @return why the source is not playing, or "" while it plays */
    String reason() {
        return reason;
    }

    /** @return the rate frames are published at, frames per second, or 0 until the source is open */
    double fps() {
        return fps;
    }

    private ImageSequence tryOpen() {
        try {
            return ImageSequences.open(settings.path());
        } catch (IOException | RuntimeException e) {
            waiting(reasonOf(e));
            return null;
        }
    }

    /** Publishes one pass over the source; a read failure closes it so that the next attempt reopens it. */
    private PassEnd playPass() throws InterruptedException {
        fps = settings.fps() > 0 ? settings.fps() : sequence.nativeFps();
        long periodNanos = Math.round(1e9 / fps);
        int published = 0;
        try {
            for (RgbImage image = sequence.next(); image != null; image = sequence.next()) {
                awaitTurn(periodNanos);
                slot.publish(image);
                if (published++ == 0 && state != CaptureState.RUNNING) {
                    enter(CaptureState.RUNNING, "");
                    LOG.info("camera: playing {} ({}) at {} fps{}", settings.path(), sequence.describe(), fps,
                            settings.loop() ? ", looping" : "");
                }
            }
            if (published == 0) {
                throw new IOException("no decodable image");
            }
            if (!settings.loop()) {
                enter(CaptureState.ENDED, "ended after the last frame (loop is off)");
                LOG.info("camera: {} ended after its last frame (loop is off)", settings.path());
                return PassEnd.END;
            }
            sequence.rewind();
            return PassEnd.AGAIN;
        } catch (IOException | RuntimeException e) {
            waiting(reasonOf(e));
            close();
            return PassEnd.RETRY;
        }
    }

    /**
     * Sleeps until this frame is due. When decoding has fallen behind by more than one frame period the
     * schedule restarts from now, so a stall is not followed by a burst of frames.
     */
    private void awaitTurn(long periodNanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long now = clock.nanoTime();
        if (!paced) {
            paced = true;
            nextDueNanos = now;
        }
        long wait = nextDueNanos - now;
        if (wait > 0) {
            clock.sleepNanos(wait);
        } else if (-wait > periodNanos) {
            nextDueNanos = now;
        }
        nextDueNanos += periodNanos;
    }

    /** @return a short reason for logs and the console; file errors without the path the log line already has */
    static String reasonOf(Exception e) {
        if (e instanceof FileSystemException fileError && fileError.getReason() != null) {
            return fileError.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private void waiting(String why) {
        if (!why.equals(reason)) {
            LOG.warn("camera: cannot play {}: {}; trying again every {} s", settings.path(), why,
                    TimeUnit.NANOSECONDS.toSeconds(retryNanos));
        }
        enter(CaptureState.WAITING, why);
    }

    private void enter(CaptureState next, String why) {
        boolean changed = next != state || !why.equals(reason);
        state = next;
        reason = why;
        if (changed) {
            listener.changed(next, why);
        }
    }

    private void close() {
        if (sequence != null) {
            try {
                sequence.close();
            } catch (IOException e) {
                LOG.debug("camera: closing {}: {}", settings.path(), e.toString());
            }
            sequence = null;
        }
    }
}
