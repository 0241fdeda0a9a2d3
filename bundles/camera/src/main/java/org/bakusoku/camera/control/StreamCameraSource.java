package org.bakusoku.camera.control;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bakusoku.camera.capture.LatestFrameSlot;
import org.bakusoku.camera.capture.PacingClock;
import org.bakusoku.camera.stream.DecoderSession;
import org.bakusoku.camera.stream.FrameReader;
import org.bakusoku.camera.stream.I420FrameReader;
import org.bakusoku.camera.stream.PpmFrameReader;
import org.bakusoku.camera.stream.YuvConverter;
import org.bakusoku.camera.supervise.Launcher.LaunchException;
import org.bakusoku.camera.supervise.Session;
import org.bakusoku.camera.supervise.SupervisedSource;
import org.bakusoku.camera.supervise.Supervisor;

/**
 * A CSI, USB or network camera: a decoder child process ({@code rpicam-vid} or {@code ffmpeg}) run and restarted
 * by a {@link Supervisor} on its own thread.
 */
final class StreamCameraSource implements CameraSource {

    /** A new session may take this long, at least, for its first frame: RTSP negotiation and stream probing. */
    static final long MIN_STARTUP_MS = 10_000;
    /** First delay before a restart, ms, unless retry.max.ms is smaller. */
    static final long INITIAL_RETRY_MS = 1_000;

    private final SourceSettings settings;
    private final LatestFrameSlot slot;
    private final ProgramLocator programs;
    private final SupervisedSource supervised;
    private final PacingClock clock;

    StreamCameraSource(SourceSettings settings, LatestFrameSlot slot, ProgramLocator programs, PacingClock clock,
            StateSink sink) {
        this.settings = settings;
        this.slot = slot;
        this.programs = programs;
        this.clock = clock;
        Supervisor supervisor = new Supervisor(this::launch, (previous, state, reason) -> sink.report(this, state,
                reason), ms(settings.stallMs()), ms(Math.max(MIN_STARTUP_MS, 2 * settings.stallMs())),
                ms(Math.min(INITIAL_RETRY_MS, settings.retryMaxMs())), ms(settings.retryMaxMs()));
        this.supervised = new SupervisedSource(supervisor, clock);
    }

    @Override
    public void start() {
        supervised.start();
    }

    @Override
    public void stop() {
        supervised.stop();
    }

    @Override
    public SourceSettings settings() {
        return settings;
    }

    private Session launch() throws LaunchException {
        List<String> command;
        FrameReader reader;
        if (settings.kind() == SourceKind.CSI) {
            Path program = programs.find(DecoderCommands.CSI_PROGRAMS).orElseThrow(() -> new LaunchException(
                    "rpicam-vid not found: install rpicam-apps (Raspberry Pi OS) for the camera module", true));
            command = DecoderCommands.rpicamVid(program.toString(), settings);
            int w = settings.captureWidth();
            int h = settings.captureHeight();
            reader = new I420FrameReader(w, h, YuvConverter.forLibcameraVideo(w, h));
        } else {
            Path ffmpeg = programs.find("ffmpeg").orElseThrow(() -> new LaunchException(
                    "ffmpeg not found: install it (apt-get install ffmpeg)", true));
            command = DecoderCommands.ffmpeg(ffmpeg.toString(), settings);
            reader = new PpmFrameReader();
        }
        return DecoderSession.start(command, reader, slot::publish, settings.redactor(), clock::nanoTime);
    }

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
