package org.bakusoku.camera.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.bakusoku.camera.capture.LatestFrameSlot;
import org.bakusoku.camera.capture.PacingClock;
import org.bakusoku.camera.testing.Processes;
import org.bakusoku.camera.testing.StatusRecorder;
import org.bakusoku.frame.CameraState;
import org.bakusoku.frame.FrameSourceStatus;
import org.junit.jupiter.api.Test;

/** A camera URL nobody listens on: retried with back-off and its reason, twenty times, without leaks. */
class ConnectionRefusedTest {

    @Test
    void twentyFailuresLeaveNoThreadOrProcessBehind() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free now, and closed: connections are refused
        }
        List<String> threadsBefore = Processes.threads("bakusoku-camera");
        StatusRecorder statuses = new StatusRecorder();
        ProgramLocator programs = ProgramLocator.fromEnvironment();
        Camera camera = new Camera(new LatestFrameSlot(), programs,
                new AutoProbe(programs, Path.of("/nonexistent"), 1_000), PacingClock.SYSTEM, statuses::changed);
        // retry.max.ms at its minimum, 100 ms, so twenty attempts take seconds, not minutes.
        camera.apply(new SourceSettings(SourceKind.RTSP, "rtsp://127.0.0.1:" + port + "/live", "", "", 0, 0, 0, true,
                0, 0, "mjpeg", 5_000, 100));

        int twentieth = -1;
        for (int i = 0; i < 20; i++) {
            twentieth = statuses.await(s -> s.state() == CameraState.RETRYING, twentieth + 1, 30_000);
        }
        List<String> threadsDuring = Processes.threads("bakusoku-camera");
        int decodersDuring = Processes.children("image2pipe").size();
        FrameSourceStatus last = statuses.all().get(twentieth);
        camera.close();

        System.out.printf("after 20 refused attempts: threads %s, decoder processes %d%n", threadsDuring,
                decodersDuring);
        assertThat(last.reason()).isEqualTo("connection refused; retry 20 in 0.1 s");
        assertThat(statuses.statesFrom(0)).doesNotContain("STREAMING", "FAILED");
        assertThat(threadsDuring).as("control + supervisor + at most one session's two readers")
                .hasSizeLessThanOrEqualTo(4);
        assertThat(decodersDuring).isLessThanOrEqualTo(1);
        assertThat(Processes.threads("bakusoku-camera")).isEqualTo(threadsBefore);
        assertThat(Processes.children("image2pipe")).isEmpty();
    }
}
