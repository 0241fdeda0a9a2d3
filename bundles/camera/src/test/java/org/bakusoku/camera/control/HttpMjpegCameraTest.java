package org.bakusoku.camera.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bakusoku.camera.testing.StatusRecorder.state;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bakusoku.camera.SharedData;
import org.bakusoku.camera.capture.LatestFrameSlot;
import org.bakusoku.camera.capture.PacingClock;
import org.bakusoku.camera.file.AviMjpegReader;
import org.bakusoku.camera.testing.Coco;
import org.bakusoku.camera.testing.MjpegTestServer;
import org.bakusoku.camera.testing.StatusRecorder;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.tflite.TfliteDetector;
import org.bakusoku.frame.CameraState;
import org.junit.jupiter.api.Test;

/** An HTTP MJPEG camera: the JDK HTTP server sends the sample video's JPEG frames as multipart MJPEG. */
class HttpMjpegCameraTest {

    @Test
    void detectsPeopleInTheMjpegStream() throws Exception {
        List<byte[]> jpegs = new ArrayList<>();
        try (AviMjpegReader avi = AviMjpegReader.open(SharedData.mjpegVideo())) {
            for (byte[] jpeg = avi.nextJpeg(); jpeg != null; jpeg = avi.nextJpeg()) {
                jpegs.add(jpeg);
            }
        }
        LatestFrameSlot slot = new LatestFrameSlot();
        StatusRecorder statuses = new StatusRecorder();
        ProgramLocator programs = ProgramLocator.fromEnvironment();
        Camera camera = new Camera(slot, programs, new AutoProbe(programs, Path.of("/nonexistent"), 1_000),
                PacingClock.SYSTEM, statuses::changed);
        try (MjpegTestServer server = new MjpegTestServer(jpegs, 10, "viewer", "mjpeg-pass");
                TfliteDetector detector = Coco.open()) {
            camera.apply(new SourceSettings(SourceKind.HTTP_MJPEG, server.url(), "viewer", "mjpeg-pass", 320, 240, 0,
                    true, 0, 0, "mjpeg", 5_000, 30_000));
            statuses.await(state(CameraState.STREAMING), 0, 30_000);

            DetectionResult result = Coco.firstPerson(detector, new SlotSource(slot), 30);

            assertThat(result).as("a person within 30 frames").isNotNull();
            assertThat(result.frame().width()).as("scaled by ffmpeg to the configured width").isEqualTo(320);
            assertThat(result.frame().height()).isEqualTo(240);
            assertThat(camera.status().source()).isEqualTo("http-mjpeg");
        } finally {
            camera.close();
        }
    }
}
