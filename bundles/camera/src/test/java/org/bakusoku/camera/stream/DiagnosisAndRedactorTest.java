package org.bakusoku.camera.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reasons from real ffmpeg/rpicam-vid error lines, and credentials removed from text. */
class DiagnosisAndRedactorTest {

    @Test
    void ffmpegErrorsBecomeShortReasons() {
        assertThat(Diagnosis.of(List.of("[rtsp @ 0x55] method DESCRIBE failed: 401 Unauthorized",
                "rtsp://cam:***@10.0.0.5/live: Server returned 401 Unauthorized (authorization failed)"), 1, "ffmpeg"))
                .isEqualTo(new Diagnosis("unauthorized: the camera refused the user name or password", true));
        assertThat(Diagnosis.of(List.of("[tcp @ 0x5] Connection to tcp://127.0.0.1:9 failed: Connection refused",
                "rtsp://127.0.0.1:9/x: Connection refused"), 1, "ffmpeg"))
                .isEqualTo(new Diagnosis("connection refused", false));
        assertThat(Diagnosis.of(List.of("ERROR: *** no cameras available ***"), 255, "rpicam-vid").reason())
                .startsWith("no camera detected");
        assertThat(Diagnosis.of(List.of("http://h/x.mjpg: Server returned 403 Forbidden (access denied)"), 1,
                "ffmpeg").fatal()).isTrue();
        assertThat(Diagnosis.of(List.of("[v4l2 @ 0x1] ioctl(VIDIOC_STREAMON): Device or resource busy"), 1,
                "ffmpeg").reason()).isEqualTo("device busy: another program uses the camera");
    }

    @Test
    void unknownErrorsShowTheLastLineAndTheExitCode() {
        assertThat(Diagnosis.of(List.of("first", "something odd happened", " "), 134, "ffmpeg"))
                .isEqualTo(new Diagnosis("ffmpeg: something odd happened (killed by signal 6)", false));
        assertThat(Diagnosis.of(List.of(), null, "ffmpeg")).isEqualTo(new Diagnosis("ffmpeg ended", false));
        assertThat(Diagnosis.of(List.of(), 137, "/usr/bin/ffmpeg").reason()).isEqualTo("ffmpeg ended (killed by signal 9)");
        assertThat(Diagnosis.of(List.of("x"), 1, "/usr/bin/ffmpeg").reason()).isEqualTo("ffmpeg: x (exit code 1)");
    }

    @Test
    void passwordsAreMaskedInUrlsAndWhereverTheyAppear() {
        Redactor redactor = new Redactor("cam", "p@ss word!");
        assertThat(redactor.redact("rtsp://cam:p%40ss%20word%21@10.0.0.5:554/live: 401"))
                .isEqualTo("rtsp://cam:***@10.0.0.5:554/live: 401");
        assertThat(redactor.redact("password is p@ss word! and Y2FtOnBAc3Mgd29yZCE= in a header"))
                .isEqualTo("password is *** and *** in a header");
        assertThat(Redactor.URLS_ONLY.redact("http://u:x@h/p and rtsp://h/p and rtsp://u@h/p"))
                .isEqualTo("http://u:***@h/p and rtsp://h/p and rtsp://u@h/p");
        assertThat(new Redactor("u", "ab").redact("tab abc")).as("too short to mask outside URLs")
                .isEqualTo("tab abc");
    }
}
