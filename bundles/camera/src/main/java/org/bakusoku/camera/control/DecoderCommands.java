package org.bakusoku.camera.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command lines of the decoder child processes. ffmpeg (Debian package {@code ffmpeg}; options from the ffmpeg
 * 5.1 documentation of its formats and protocols) writes every frame as a binary PPM image
 * ({@code -f image2pipe -c:v ppm}) so each frame carries its size; {@code rpicam-vid} (rpicam-apps) writes raw
 * I420 frames of the requested size. Frames are written to standard output; errors only on standard error.
 */
public final class DecoderCommands {

    /** Names tried for the CSI camera program: Raspberry Pi OS bookworm, then the bullseye name. */
    public static final String[] CSI_PROGRAMS = { "rpicam-vid", "libcamera-vid" };

    private DecoderCommands() {
    }

    /**
     * @param ffmpeg   path of the ffmpeg program
     * @param settings validated rtsp, http-mjpeg or v4l2 settings
     * @return the ffmpeg command; for network kinds the URL carries the credentials (never log it unredacted)
     */
    public static List<String> ffmpeg(String ffmpeg, SourceSettings settings) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error"));
        long timeoutMicros = settings.stallMs() * 1000;
        switch (settings.kind()) {
            // A small probe (32 KiB instead of 5 MB) gives the first frame within about a second instead of four;
            // the decoder learns the size from the first decoded frame anyway.
            case RTSP -> cmd.addAll(List.of("-rtsp_transport", "tcp", "-timeout", Long.toString(timeoutMicros),
                    "-fflags", "nobuffer", "-probesize", "32768", "-i", settings.urlWithCredentials()));
            case HTTP_MJPEG -> cmd.addAll(List.of("-rw_timeout", Long.toString(timeoutMicros), "-fflags", "nobuffer",
                    "-probesize", "32768", "-f", "mpjpeg", "-i", settings.urlWithCredentials()));
            case V4L2 -> {
                cmd.addAll(List.of("-f", "v4l2"));
                if (!settings.v4l2Format().equals("auto")) {
                    cmd.addAll(List.of("-input_format", settings.v4l2Format().equals("yuyv") ? "yuyv422" : "mjpeg"));
                }
                cmd.addAll(List.of("-video_size", settings.captureWidth() + "x" + settings.captureHeight()));
                if (settings.fps() > 0) {
                    cmd.addAll(List.of("-framerate", number(settings.fps())));
                }
                cmd.addAll(List.of("-i", settings.url()));
            }
            default -> throw new IllegalArgumentException("ffmpeg does not decode " + settings.kind());
        }
        cmd.addAll(List.of("-an", "-sn", "-dn", "-map", "0:v:0"));
        if (settings.kind() != SourceKind.V4L2 && settings.width() > 0) {
            cmd.addAll(List.of("-vf", "scale=" + settings.width() + ":" + settings.height()));
        }
        if (settings.fps() > 0 && settings.kind() != SourceKind.V4L2) {
            // Variable frame rate capped at fps: frames are dropped to the rate, never duplicated (a duplicate
            // would replay a stale picture after a network hiccup).
            cmd.addAll(List.of("-fps_mode", "vfr", "-r", number(settings.fps())));
        }
        cmd.addAll(List.of("-f", "image2pipe", "-c:v", "ppm", "pipe:1"));
        return cmd;
    }

    /**
     * @param program  path of rpicam-vid or libcamera-vid
     * @param settings validated csi settings
     * @return the command: no preview, run until stopped, raw YUV420 to standard output
     */
    public static List<String> rpicamVid(String program, SourceSettings settings) {
        List<String> cmd = new ArrayList<>(List.of(program, "-n", "-t", "0", "--codec", "yuv420",
                "--width", Integer.toString(settings.captureWidth()),
                "--height", Integer.toString(settings.captureHeight())));
        if (settings.fps() > 0) {
            cmd.addAll(List.of("--framerate", number(settings.fps())));
        }
        if (!settings.url().isEmpty()) {
            cmd.addAll(List.of("--camera", settings.url()));
        }
        cmd.addAll(List.of("-o", "-"));
        return cmd;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }
}
