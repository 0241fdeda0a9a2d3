package org.bakusoku.camera.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.bakusoku.camera.capture.CameraSettings;
import org.bakusoku.camera.stream.Redactor;

/**
 * Validated settings of the camera (configuration PID {@code org.bakusoku.camera}). The compact constructor checks
 * every value and names the first bad one with its allowed range, so an invalid change never reaches a source.
 *
 * @param kind         kind of source
 * @param url          device path, camera index (csi), file/folder path or stream URL, as configured
 * @param username     user name for a network camera, "" for none
 * @param password     password for a network camera, "" for none; never logged, never shown
 * @param width        frame width, pixels: 0 (csi/v4l2: {@value #DEFAULT_WIDTH}; network: as the stream) or 16..4096
 * @param height       frame height, pixels, like {@code width}; 0 together with width
 * @param fps          frames per second 0.1..120, or 0 for the source's own rate
 * @param loop         files only: start again after the last frame
 * @param detectWidth  width detection frames are scaled to, 0 (not scaled) or 16..4096
 * @param detectHeight height of detection frames, 0 together with detectWidth
 * @param v4l2Format   USB webcam pixel format: {@code mjpeg}, {@code yuyv} or {@code auto} (the driver's default)
 * @param stallMs      no frame for this long means STALLED, 500..600000 ms
 * @param retryMaxMs   longest delay between restarts, 100..600000 ms; the first is min(1000, this)
 */
public record SourceSettings(SourceKind kind, String url, String username, String password, int width, int height,
        double fps, boolean loop, int detectWidth, int detectHeight, String v4l2Format, long stallMs,
        long retryMaxMs) {

    /** Capture width of CSI and USB cameras when {@code width} is 0. */
    public static final int DEFAULT_WIDTH = 640;
    /** Capture height of CSI and USB cameras when {@code height} is 0. */
    public static final int DEFAULT_HEIGHT = 480;
    private static final int MIN_SIDE = 16;
    private static final int MAX_SIDE = 4096;

    /**
     * @throws IllegalArgumentException naming the first invalid value and what is allowed
     */
    public SourceSettings {
        url = url == null ? "" : url.strip();
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        v4l2Format = v4l2Format == null ? "mjpeg" : v4l2Format.strip().toLowerCase(Locale.ROOT);
        size("width/height", width, height);
        size("detect.width/detect.height", detectWidth, detectHeight);
        if (!(fps == 0 || fps >= CameraSettings.MIN_FPS && fps <= CameraSettings.MAX_FPS)) {
            throw new IllegalArgumentException("fps " + fps + " is outside 0.1..120 (or 0 for the source's own rate)");
        }
        if (stallMs < 500 || stallMs > 600_000) {
            throw new IllegalArgumentException("stall.ms " + stallMs + " is outside 500..600000");
        }
        if (retryMaxMs < 100 || retryMaxMs > 600_000) {
            throw new IllegalArgumentException("retry.max.ms " + retryMaxMs + " is outside 100..600000");
        }
        if (!v4l2Format.equals("mjpeg") && !v4l2Format.equals("yuyv") && !v4l2Format.equals("auto")) {
            throw new IllegalArgumentException("v4l2.format '" + v4l2Format + "' is unknown; use mjpeg, yuyv or auto");
        }
        checkUrl(kind, url);
        if (kind == SourceKind.CSI && (captureWidth(kind, width) % 64 != 0 || captureHeight(kind, height) % 2 != 0)) {
            throw new IllegalArgumentException("csi: width must be a multiple of 64 and height even (rpicam-vid pads"
                    + " the rows of other sizes), got " + width + "x" + height);
        }
        if (username.contains(":") || username.contains("@")) {
            throw new IllegalArgumentException("username must not contain ':' or '@'");
        }
    }

    /** @return width of captured frames: the configured one, or the default for csi/v4l2 when 0 */
    public int captureWidth() {
        return captureWidth(kind, width);
    }

    /** @return height of captured frames: the configured one, or the default for csi/v4l2 when 0 */
    public int captureHeight() {
        return captureHeight(kind, height);
    }

    /** @return the URL with the configured user name and password inserted (network kinds), for the decoder only */
    public String urlWithCredentials() {
        if (username.isEmpty() || !(kind == SourceKind.RTSP || kind == SourceKind.HTTP_MJPEG)) {
            return url;
        }
        URI uri = URI.create(url);
        String userInfo = encode(username) + (password.isEmpty() ? "" : ":" + encode(password));
        return uri.getScheme() + "://" + userInfo + "@" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** @return the URL with any password in it masked, for logs and the API */
    public String maskedUrl() {
        return Redactor.URLS_ONLY.redact(url);
    }

    /** @return a redactor that removes this configuration's credentials from any text */
    public Redactor redactor() {
        return new Redactor(username, password);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int captureWidth(SourceKind kind, int width) {
        return width == 0 && (kind == SourceKind.CSI || kind == SourceKind.V4L2) ? DEFAULT_WIDTH : width;
    }

    private static int captureHeight(SourceKind kind, int height) {
        return height == 0 && (kind == SourceKind.CSI || kind == SourceKind.V4L2) ? DEFAULT_HEIGHT : height;
    }

    private static void size(String name, int w, int h) {
        if ((w == 0) != (h == 0) || w != 0 && (w < MIN_SIDE || w > MAX_SIDE || h < MIN_SIDE || h > MAX_SIDE)) {
            throw new IllegalArgumentException(name + " " + w + "x" + h + " must both be 0 or both within "
                    + MIN_SIDE + ".." + MAX_SIDE);
        }
    }

    private static void checkUrl(SourceKind kind, String url) {
        switch (kind) {
            case RTSP -> network(url, "rtsp", "rtsps");
            case HTTP_MJPEG -> network(url, "http", "https");
            case V4L2 -> {
                if (!url.startsWith("/dev/")) {
                    throw new IllegalArgumentException("v4l2: url must be a device path such as /dev/video0, got '"
                            + url + "'");
                }
            }
            case CSI -> {
                if (!url.isEmpty() && !url.matches("[0-9]")) {
                    throw new IllegalArgumentException("csi: url must be empty or a camera index 0..9, got '"
                            + url + "'");
                }
            }
            case FILE, AUTO -> CameraSettings.of(url, 0, true); // throws with the reason
        }
    }

    private static void network(String url, String... schemes) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URL: " + Redactor.URLS_ONLY.redact(e.getMessage()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of(schemes).contains(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be " + String.join(":// or ", schemes)
                    + ":// with a host, got '" + Redactor.URLS_ONLY.redact(url) + "'");
        }
    }
}
