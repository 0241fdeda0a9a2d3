package org.bakusoku.frame;

/**
 * The state of a frame source at one instant.
 *
 * @param source      configured kind: {@code csi}, {@code v4l2}, {@code rtsp}, {@code http-mjpeg} or {@code file}
 *                    (for {@code auto}, the kind it picked)
 * @param url         device path, file path or stream URL; a password in it is masked as {@code ***}
 * @param state       what the source is doing
 * @param reason      why it is not {@link CameraState#STREAMING} (e.g. {@code "connection refused"}); "" while
 *                    streaming; never contains credentials
 * @param captureFps  frames received per second over the last few seconds, &ge; 0
 * @param changedAtMs instant the state last changed, epoch ms (UTC)
 */
public record FrameSourceStatus(String source, String url, CameraState state, String reason, double captureFps,
        long changedAtMs) {
}
