package org.bakusoku.camera.control;

import java.time.Duration;

import org.bakusoku.camera.capture.CameraSettings;
import org.bakusoku.camera.capture.CaptureState;
import org.bakusoku.camera.capture.FileFrameSource;
import org.bakusoku.camera.capture.LatestFrameSlot;
import org.bakusoku.camera.capture.PacingClock;
import org.bakusoku.frame.CameraState;

/** A video file, image or image folder played by a {@link FileFrameSource}, its states mapped to camera states. */
final class FileCameraSource implements CameraSource {

    /** How often a missing or unreadable file is looked for again: a user may copy it in later. */
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);

    private final SourceSettings settings;
    private final FileFrameSource player;
    private final StateSink sink;

    FileCameraSource(SourceSettings settings, LatestFrameSlot slot, PacingClock clock, StateSink sink) {
        this.settings = settings;
        this.sink = sink;
        this.player = new FileFrameSource(clock, RETRY_INTERVAL, slot,
                (state, reason) -> sink.report(this, map(state), reason));
    }

    @Override
    public void start() {
        sink.report(this, CameraState.STARTING, "");
        player.apply(CameraSettings.of(settings.url(), settings.fps(), settings.loop()));
    }

    @Override
    public void stop() {
        player.stop();
    }

    @Override
    public SourceSettings settings() {
        return settings;
    }

    static CameraState map(CaptureState state) {
        return switch (state) {
            case STARTING -> CameraState.STARTING;
            case RUNNING -> CameraState.STREAMING;
            case WAITING -> CameraState.RETRYING;
            case ENDED, STOPPED -> CameraState.STOPPED;
        };
    }
}
