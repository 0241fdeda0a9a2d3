package org.bakusoku.camera.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Validation of the camera settings and the decoder command lines built from them. */
class SourceSettingsTest {

    static SourceSettings settings(SourceKind kind, String url, String user, String password, int w, int h,
            double fps) {
        return new SourceSettings(kind, url, user, password, w, h, fps, true, 0, 0, "mjpeg", 5_000, 30_000);
    }

    @Test
    void badValuesAreRefusedWithTheFieldAndTheAllowedValues() {
        assertThatThrownBy(() -> SourceKind.parse("webcam"))
                .hasMessage("source 'webcam' is unknown; use one of auto, csi, v4l2, rtsp, http-mjpeg, file");
        assertThatThrownBy(() -> settings(SourceKind.RTSP, "http://cam/x", "", "", 0, 0, 0))
                .hasMessageContaining("url must be rtsp:// or rtsps://");
        assertThatThrownBy(() -> settings(SourceKind.HTTP_MJPEG, "http://", "", "", 0, 0, 0))
                .hasMessageContaining("url");
        assertThatThrownBy(() -> settings(SourceKind.V4L2, "video0", "", "", 0, 0, 0))
                .hasMessageContaining("/dev/video0");
        assertThatThrownBy(() -> settings(SourceKind.CSI, "", "", "", 650, 480, 0))
                .hasMessageContaining("multiple of 64");
        assertThatThrownBy(() -> settings(SourceKind.RTSP, "rtsp://cam/x", "", "", 640, 0, 0))
                .hasMessage("width/height 640x0 must both be 0 or both within 16..4096");
        assertThatThrownBy(() -> settings(SourceKind.RTSP, "rtsp://cam/x", "", "", 0, 0, 500))
                .hasMessageContaining("fps 500.0 is outside 0.1..120");
        assertThatThrownBy(() -> new SourceSettings(SourceKind.RTSP, "rtsp://cam/x", "", "", 0, 0, 0, true, 0, 0,
                "h264", 5_000, 30_000)).hasMessageContaining("v4l2.format 'h264'");
        assertThatThrownBy(() -> new SourceSettings(SourceKind.RTSP, "rtsp://cam/x", "", "", 0, 0, 0, true, 0, 0,
                "mjpeg", 100, 30_000)).hasMessage("stall.ms 100 is outside 500..600000");
        assertThatThrownBy(() -> settings(SourceKind.FILE, " ", "", "", 0, 0, 0)).hasMessageContaining("url is empty");
    }

    @Test
    void credentialsGoIntoTheDecoderUrlOnlyAndAreMaskedElsewhere() {
        SourceSettings s = settings(SourceKind.RTSP, "rtsp://10.0.0.5:554/Streaming/101?tcp", "admin", "p@ss:w/rd",
                0, 0, 0);
        assertThat(s.urlWithCredentials()).isEqualTo("rtsp://admin:p%40ss%3Aw%2Frd@10.0.0.5:554/Streaming/101?tcp");
        assertThat(s.maskedUrl()).isEqualTo("rtsp://10.0.0.5:554/Streaming/101?tcp");
        SourceSettings inline = settings(SourceKind.HTTP_MJPEG, "http://u:secret@cam/video.mjpg", "", "", 0, 0, 0);
        assertThat(inline.maskedUrl()).isEqualTo("http://u:***@cam/video.mjpg");
        assertThat(inline.urlWithCredentials()).isEqualTo("http://u:secret@cam/video.mjpg");
    }

    @Test
    void camerasDefaultTo640x480AndNetworkStreamsKeepTheirSize() {
        assertThat(settings(SourceKind.CSI, "", "", "", 0, 0, 0).captureWidth()).isEqualTo(640);
        assertThat(settings(SourceKind.V4L2, "/dev/video0", "", "", 0, 0, 0).captureHeight()).isEqualTo(480);
        assertThat(settings(SourceKind.RTSP, "rtsp://cam/x", "", "", 0, 0, 0).captureWidth()).isZero();
    }

    @Test
    void ffmpegCommandsPerKind() {
        assertThat(DecoderCommands.ffmpeg("/usr/bin/ffmpeg",
                settings(SourceKind.RTSP, "rtsp://cam/live", "u", "pw", 640, 360, 5))).containsExactly(
                        "/usr/bin/ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                        "-rtsp_transport", "tcp", "-timeout", "5000000", "-fflags", "nobuffer", "-probesize", "32768",
                        "-i", "rtsp://u:pw@cam/live", "-an", "-sn", "-dn", "-map", "0:v:0",
                        "-vf", "scale=640:360", "-fps_mode", "vfr", "-r", "5",
                        "-f", "image2pipe", "-c:v", "ppm", "pipe:1");
        assertThat(DecoderCommands.ffmpeg("ffmpeg", settings(SourceKind.HTTP_MJPEG, "http://cam/v.mjpg", "", "", 0, 0,
                0))).containsSubsequence("-rw_timeout", "5000000", "-f", "mpjpeg", "-i", "http://cam/v.mjpg")
                .doesNotContain("-vf", "-r");
        List<String> usb = DecoderCommands.ffmpeg("ffmpeg", new SourceSettings(SourceKind.V4L2, "/dev/video2", "",
                "", 1280, 720, 15, true, 0, 0, "yuyv", 5_000, 30_000));
        assertThat(usb).containsSubsequence("-f", "v4l2", "-input_format", "yuyv422", "-video_size", "1280x720",
                "-framerate", "15", "-i", "/dev/video2").doesNotContain("-vf");
    }

    @Test
    void rpicamVidCommand() {
        assertThat(DecoderCommands.rpicamVid("/usr/bin/rpicam-vid", settings(SourceKind.CSI, "1", "", "", 1280, 720,
                12.5))).containsExactly("/usr/bin/rpicam-vid", "-n", "-t", "0", "--codec", "yuv420", "--width", "1280",
                        "--height", "720", "--framerate", "12.500", "--camera", "1", "-o", "-");
    }
}
