package org.bakusoku.camera.control;

import java.math.BigDecimal;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bakusoku.camera.capture.LatestFrameSlot;
import org.bakusoku.camera.capture.PacingClock;
import org.bakusoku.frame.CameraState;
import org.bakusoku.frame.FrameSourceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera: one {@link LatestFrameSlot} that outlives source switches (sequences keep rising) and the one running
 * {@link CameraSource}, replaced when the settings change. Switching, and resolving {@code auto} (which may run
 * {@code rpicam-vid --list-cameras}), happen on one control thread named {@value #CONTROL_THREAD}, so callers
 * (configuration updates) never block on them and switches never overlap. Plain Java; thread-safe.
 *
 * <p>Every state change of the current source is logged once and handed to the {@link StatusListener} (the DS
 * component posts it as {@code org/bakusoku/camera/STATE}). Log lines and statuses never contain credentials.
 */
public final class Camera {

    /** Name of the thread that starts, stops and switches sources. */
    public static final String CONTROL_THREAD = "bakusoku-camera-control";

    private static final Logger LOG = LoggerFactory.getLogger(Camera.class);

    /** Hears of every state change of the current source. */
    @FunctionalInterface
    public interface StatusListener {
        /**
         * Called on the source's thread; must return quickly.
         *
         * @param status   the new status
         * @param previous the state before, null at the first report
         */
        void changed(FrameSourceStatus status, CameraState previous);
    }

    private final LatestFrameSlot slot;
    private final ProgramLocator programs;
    private final AutoProbe probe;
    private final PacingClock clock;
    private final StatusListener listener;
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, CONTROL_THREAD);
        t.setDaemon(true);
        return t;
    });
    private SourceSettings requested;
    private CameraSource current;
    private FrameSourceStatus status;

    /**
     * @param slot     where every source publishes
     * @param programs where decoders are found
     * @param probe    resolves {@code auto}
     * @param clock    time for supervision and file pacing ({@link PacingClock#SYSTEM} outside tests)
     * @param listener hears of state changes
     */
    public Camera(LatestFrameSlot slot, ProgramLocator programs, AutoProbe probe, PacingClock clock,
            StatusListener listener) {
        this.slot = slot;
        this.programs = programs;
        this.probe = probe;
        this.clock = clock;
        this.listener = listener;
        this.status = new FrameSourceStatus("none", "", CameraState.STOPPED, "not started", 0,
                System.currentTimeMillis());
    }

    /**
     * Switches to new settings on the control thread; settings equal to the running ones change nothing.
     *
     * @param next validated settings
     * @return completes when the new source has been started
     */
    public Future<?> apply(SourceSettings next) {
        return control.submit(() -> switchTo(next));
    }

    /** Stops the current source and the control thread; waits for both. */
    public void close() {
        control.submit(this::stopCurrent);
        control.shutdown();
        try {
            if (!control.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("camera: the control thread did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the settings last applied (kind as configured, possibly AUTO), or null before the first */
    public synchronized SourceSettings requested() {
        return requested;
    }

    /** @return the current source's status, with the capture rate measured now */
    public synchronized FrameSourceStatus status() {
        return new FrameSourceStatus(status.source(), status.url(), status.state(), status.reason(),
                round(slot.captureFps()), status.changedAtMs());
    }

    /** @return e.g. {@code "rtsp rtsp://cam:***@10.0.0.5/stream 640x480 @ 10 fps: STREAMING"} */
    public String description() {
        FrameSourceStatus s = status();
        SourceSettings settings;
        synchronized (this) {
            settings = current == null ? null : current.settings();
        }
        if (settings == null) {
            return "camera not started";
        }
        StringBuilder text = new StringBuilder(s.source()).append(' ').append(s.url());
        if (settings.captureWidth() > 0) {
            text.append(' ').append(settings.captureWidth()).append('x').append(settings.captureHeight());
        }
        if (settings.fps() > 0) {
            text.append(" @ ").append(BigDecimal.valueOf(settings.fps()).stripTrailingZeros().toPlainString())
                    .append(" fps");
        }
        text.append(": ").append(s.state());
        if (!s.reason().isEmpty()) {
            text.append(" (").append(s.reason()).append(')');
        }
        return text.toString();
    }

    private void switchTo(SourceSettings next) {
        synchronized (this) {
            if (next.equals(requested) && current != null) {
                return;
            }
        }
        SourceSettings resolved = next.kind() == SourceKind.AUTO ? probe.resolve(next) : next;
        if (next.kind() == SourceKind.AUTO) {
            LOG.info("camera: auto picked {} {}", resolved.kind().configName(), resolved.maskedUrl());
        }
        stopCurrent();
        slot.detectSize(resolved.detectWidth(), resolved.detectHeight());
        CameraSource source = resolved.kind() == SourceKind.FILE
                ? new FileCameraSource(resolved, slot, clock, this::report)
                : new StreamCameraSource(resolved, slot, programs, clock, this::report);
        synchronized (this) {
            requested = next;
            current = source;
        }
        source.start();
    }

    private void stopCurrent() {
        CameraSource old;
        synchronized (this) {
            old = current;
        }
        if (old != null) {
            old.stop();
        }
    }

    private void report(CameraSource source, CameraState state, String reason) {
        FrameSourceStatus next;
        CameraState previous;
        synchronized (this) {
            if (source != current) {
                return; // a replaced source saying goodbye
            }
            previous = status.state();
            SourceSettings s = source.settings();
            next = new FrameSourceStatus(s.kind().configName(), s.maskedUrl(), state, reason,
                    round(slot.captureFps()), System.currentTimeMillis());
            status = next;
        }
        log(next);
        listener.changed(next, previous);
    }

    private static void log(FrameSourceStatus s) {
        String what = "camera: " + s.source() + " " + s.url() + ": " + s.state()
                + (s.reason().isEmpty() ? "" : " (" + s.reason() + ")");
        switch (s.state()) {
            case STARTING -> LOG.debug(what);
            case STREAMING, STOPPED -> LOG.info(what);
            case STALLED, RETRYING -> LOG.warn(what);
            case FAILED -> LOG.error(what);
        }
    }

    private static double round(double fps) {
        return Math.round(fps * 10) / 10.0;
    }
}
