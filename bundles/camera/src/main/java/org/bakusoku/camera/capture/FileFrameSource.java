package org.bakusoku.camera.capture;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

import org.bakusoku.camera.file.ImageSequence;
import org.bakusoku.camera.file.ImageSequences;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FrameSource} that plays an MJPEG AVI file, a folder of images or one image, as if it were a camera:
 * a daemon capture thread named {@value #THREAD_NAME} publishes decoded frames at the configured rate into a
 * {@link LatestFrameSlot}. Plain Java, usable without OSGi. Thread-safe.
 */
public final class FileFrameSource implements FrameSource {

    /** Name of the capture thread. */
    public static final String THREAD_NAME = "bakusoku-camera";

    private static final Logger LOG = LoggerFactory.getLogger(FileFrameSource.class);
    private static final long JOIN_TIMEOUT_MS = 5_000;

    private final LatestFrameSlot slot;
    private final PacingClock clock;
    private final long retryNanos;
    private final CaptureListener listener;
    private CameraSettings settings;
    private CaptureLoop loop;
    private Thread thread;

    /**
     * @param clock         pacing time source, {@link PacingClock#SYSTEM} outside tests
     * @param retryInterval wait between attempts to open a missing or unreadable source, &gt; 0
     */
    public FileFrameSource(PacingClock clock, Duration retryInterval) {
        this(clock, retryInterval, new LatestFrameSlot(), (state, reason) -> { });
    }

    /**
     * @param clock         pacing time source, {@link PacingClock#SYSTEM} outside tests
     * @param retryInterval wait between attempts to open a missing or unreadable source, &gt; 0
     * @param slot          where frames are published (shared with other sources of the same camera)
     * @param listener      told of every change of the capture state or its reason, on the capture thread
     */
    public FileFrameSource(PacingClock clock, Duration retryInterval, LatestFrameSlot slot, CaptureListener listener) {
        this.clock = clock;
        this.retryNanos = retryInterval.toNanos();
        this.slot = slot;
        this.listener = listener;
    }

    /**
     * Starts capturing with these settings, or switches to them. While the current source is playing, the new
     * one is opened first and only replaces it if that works; otherwise the capture thread starts right away
     * and keeps retrying until the source can be opened.
     *
     * @param next the settings to use
     * @return {@code true} if the settings are in use, {@code false} if they were refused (reason logged) and
     *         the current source keeps playing
     */
    public synchronized boolean apply(CameraSettings next) {
        if (next.equals(settings) && thread != null) {
            return true;
        }
        ImageSequence opened = null;
        if (loop != null && loop.state() == CaptureState.RUNNING) {
            try {
                opened = ImageSequences.open(next.path());
            } catch (IOException | RuntimeException e) {
                LOG.warn("camera: keeping {} playing; the new url {} cannot be used: {}", settings.path(), next.path(),
                        CaptureLoop.reasonOf(e));
                return false;
            }
        }
        stop();
        settings = next;
        loop = new CaptureLoop(next, opened, slot, clock, retryNanos, listener);
        thread = new Thread(loop, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /**
     * Stops the capture thread (interrupt, then join) and closes the source. The latest frame stays available.
     */
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(JOIN_TIMEOUT_MS);
            if (thread.isAlive()) {
                LOG.warn("camera: capture thread did not stop within {} ms", JOIN_TIMEOUT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    /** @return what the capture thread is doing; {@link CaptureState#STOPPED} if none runs */
    public synchronized CaptureState state() {
        return thread == null ? CaptureState.STOPPED : loop.state();
    }

    @Override
    public Frame latest() {
        return slot.latest();
    }

    @Override
    public Frame awaitNewer(long afterSequence, long timeoutMs) throws InterruptedException {
        return slot.awaitNewer(afterSequence, timeoutMs);
    }

    /**
     * @return e.g. {@code "file ../shared/data/video/vtest.avi @ 10 fps, loop"}, followed by the state when it is
     *         not {@code RUNNING} and the reason when waiting
     */
    @Override
    public synchronized String description() {
        if (settings == null) {
            return "file source, not started";
        }
        double fps = loop.fps() > 0 ? loop.fps() : settings.fps();
        StringBuilder text = new StringBuilder("file ").append(settings.url());
        text.append(fps > 0 ? " @ " + BigDecimal.valueOf(Math.round(fps * 100) / 100.0).stripTrailingZeros()
                .toPlainString() + " fps" : " @ the file's rate");
        if (settings.loop()) {
            text.append(", loop");
        }
        CaptureState state = state();
        if (state != CaptureState.RUNNING) {
            text.append(" [").append(state.name().toLowerCase(Locale.ROOT));
            if (state == CaptureState.WAITING) {
                text.append(": ").append(loop.reason());
            }
            text.append(']');
        }
        return text.toString();
    }
}
