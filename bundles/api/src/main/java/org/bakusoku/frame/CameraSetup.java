package org.bakusoku.frame;

/**
 * Camera settings as the console and the JSON API read and change them. In an update a {@code null} field means
 * "keep the current value".
 *
 * @param source   {@code auto}, {@code csi}, {@code v4l2}, {@code rtsp}, {@code http-mjpeg} or {@code file}
 * @param url      device path ({@code /dev/video0}), file or folder path, or stream URL ({@code rtsp://},
 *                 {@code http://}); when read, a password inside it is masked as {@code ***}
 * @param width    frame width in pixels, 0 = as the camera or stream delivers it (network and file sources), else
 *                 16..4096
 * @param height   frame height in pixels, 0 or 16..4096, as {@code width}
 * @param fps      frames per second 0.1..120, 0 = the source's own rate
 * @param username user name for a network camera, "" for none
 * @param password password for a network camera; never returned when read ({@code null}); "" clears it
 */
public record CameraSetup(String source, String url, Integer width, Integer height, Double fps, String username,
        String password) {
}
