package org.bakusoku.camera.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bakusoku.camera.testing.StatusRecorder.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bakusoku.camera.SharedData;
import org.bakusoku.camera.capture.LatestFrameSlot;
import org.bakusoku.camera.capture.PacingClock;
import org.bakusoku.camera.stream.DecoderSession;
import org.bakusoku.camera.testing.Coco;
import org.bakusoku.camera.testing.Processes;
import org.bakusoku.camera.testing.RtspTestRelay;
import org.bakusoku.camera.testing.StatusRecorder;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.tflite.TfliteDetector;
import org.bakusoku.frame.CameraState;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An RTSP camera on 127.0.0.1: ffmpeg publishes the sample pedestrian video (H.264, one key frame per second) into
 * {@link RtspTestRelay} in real time; the camera under test plays it through its own supervised ffmpeg.
 */
class RtspCameraTest {

    private static final String USER = "cam";
    private static final String PASSWORD = "Corr3ct-Horse!";
    private static final long GUARD_MS = 30_000;

    private static RtspTestRelay relay;
    private static Process publisher;
    private static TfliteDetector detector;

    private final LatestFrameSlot slot = new LatestFrameSlot();
    private final StatusRecorder statuses = new StatusRecorder();
    private final ProgramLocator programs = ProgramLocator.fromEnvironment();
    private final Camera camera = new Camera(slot, programs, new AutoProbe(programs, Path.of("/nonexistent"), 1_000),
            PacingClock.SYSTEM, statuses::changed);
    private final FrameSource frames = new SlotSource(slot);

    @BeforeAll
    static void startCamera() throws Exception {
        relay = new RtspTestRelay(USER, PASSWORD);
        publisher = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1",
                "-i", SharedData.root().resolve("data/video/vtest_pedestrians_20s.mp4").toString(), "-an",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "10",
                "-f", "rtsp", "-rtsp_transport", "tcp", relay.url())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        detector = Coco.open();
    }

    @AfterAll
    static void stopCamera() throws Exception {
        publisher.destroy();
        publisher.waitFor();
        relay.close();
        detector.close();
    }

    @AfterEach
    void close() throws InterruptedException {
        camera.close();
        assertThat(Processes.threadsLeft("bakusoku-camera", 2_000)).as("camera threads after close").isEmpty();
        assertThat(Processes.children("image2pipe")).as("decoder processes after close").isEmpty();
    }

    private static SourceSettings rtsp(String user, String password, int detectSide) {
        return new SourceSettings(SourceKind.RTSP, relay.url(), user, password, 0, 0, 10, true, detectSide,
                detectSide, "mjpeg", 5_000, 30_000);
    }

    @Test
    void detectsPeopleInTheRtspStream() throws Exception {
        camera.apply(rtsp(USER, PASSWORD, 300));
        statuses.await(state(CameraState.STREAMING), 0, GUARD_MS);

        DetectionResult result = Coco.firstPerson(detector, frames, 30);

        assertThat(result).as("a person within 30 frames").isNotNull();
        assertThat(result.frame().width()).as("detection frame scaled on the capture thread").isEqualTo(300);
        Frame display = slot.display(result.frame().sequence());
        assertThat(display.width()).as("display frame at the stream's size").isEqualTo(768);
        assertThat(display.height()).isEqualTo(576);
        assertThat(camera.status().source()).isEqualTo("rtsp");
        assertThat(camera.status().url()).isEqualTo(relay.url());
    }

    @Test
    void aKilledDecoderIsRestartedAndStreamsAgainWithinFiveSeconds() throws Exception {
        camera.apply(rtsp(USER, PASSWORD, 0));
        int streaming = statuses.await(state(CameraState.STREAMING), 0, GUARD_MS);
        List<ProcessHandle> decoders = Processes.children("image2pipe");
        assertThat(decoders).hasSize(1);

        long killedAt = System.nanoTime();
        decoders.get(0).destroyForcibly(); // SIGKILL: a decoder crash
        int again = statuses.await(state(CameraState.STREAMING), streaming + 1, GUARD_MS);
        double recoveryS = (System.nanoTime() - killedAt) / 1e9;

        List<String> between = statuses.statesFrom(streaming + 1).subList(0, again - streaming - 1);
        System.out.printf("decoder killed -> %s -> STREAMING after %.2f s%n", between, recoveryS);
        assertThat(between).as("left STREAMING while no frames came").contains("RETRYING").last()
                .isEqualTo("STARTING");
        assertThat(recoveryS).as("back to STREAMING within 5 s").isLessThan(5.0);
        assertThat(statuses.all().get(streaming + 1).reason()).contains("retry 1 in 1 s");
        assertThat(slot.awaitNewer(slot.latest().sequence(), 10_000)).as("frames flow again").isNotNull();
        assertThat(Processes.children("image2pipe")).as("one decoder, the new one").hasSize(1)
                .doesNotContain(decoders.get(0));
    }

    @Test
    void wrongCredentialsFailWithUnauthorizedAndThePasswordIsNeverLogged() throws Exception {
        String wrong = "Wr0ng-Pa55word";
        camera.apply(rtsp(USER, wrong, 0));
        int failed = statuses.await(state(CameraState.FAILED), 0, GUARD_MS);

        assertThat(statuses.all().get(failed).reason()).startsWith("unauthorized");
        assertThat(relay.unauthorizedCount()).isPositive();
        assertThat(statuses.size()).as("not retried").isEqualTo(failed + 1);
        assertThat(camera.description()).doesNotContain(wrong).contains("FAILED");
        String log = Files.readString(Path.of("target/camera-test.log"));
        assertThat(log).as("the decoder's error line was logged, redacted").contains("rtsp://" + USER + ":***@127.0.0.1")
                .contains("401 Unauthorized");
        assertThat(log).doesNotContain(wrong).doesNotContain(PASSWORD);
        assertThat(Processes.threadsLeft(DecoderSession.THREAD_PREFIX, 2_000)).isEmpty();
    }
}
