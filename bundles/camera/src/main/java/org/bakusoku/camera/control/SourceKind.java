package org.bakusoku.camera.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of frame source, as named in the configuration attribute {@code source}. */
public enum SourceKind {
    /** The best available: a CSI camera, else a USB webcam, else the sample file. */
    AUTO("auto"),
    /** Raspberry Pi camera module through libcamera ({@code rpicam-vid}). */
    CSI("csi"),
    /** USB webcam through V4L2 ({@code /dev/videoN}), decoded by ffmpeg. */
    V4L2("v4l2"),
    /** RTSP network camera, decoded by ffmpeg. */
    RTSP("rtsp"),
    /** HTTP multipart MJPEG network camera, decoded by ffmpeg. */
    HTTP_MJPEG("http-mjpeg"),
    /** A video file, image or image folder played like a camera. */
    FILE("file");

    private final String configName;

    SourceKind(String configName) {
        this.configName = configName;
    }

    /** @return the name used in the configuration and the API, e.g. {@code "http-mjpeg"} */
    public String configName() {
        return configName;
    }

    /**
     * @param name a configuration value, case-insensitive, surrounding blanks ignored
     * @return the kind
     * @throws IllegalArgumentException naming the known kinds, if {@code name} is none of them
     */
    public static SourceKind parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (SourceKind kind : values()) {
            if (kind.configName.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("source '" + name + "' is unknown; use one of "
                + Arrays.stream(values()).map(SourceKind::configName).collect(Collectors.joining(", ")));
    }
}
