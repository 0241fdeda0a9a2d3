package org.bakusoku.camera.capture;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Validated settings of a file frame source.
 *
 * @param url  what the user configured: a path or a {@code file:} URI, kept for display
 * @param path {@code url} as an absolute, normalized path (relative paths resolve against the working directory)
 * @param fps  frames per second to deliver, {@value #MIN_FPS}..{@value #MAX_FPS}, or 0 for the file's own rate
 * @param loop whether to start again at the first frame after the last one
 */
public record CameraSettings(String url, Path path, double fps, boolean loop) {

    /** Lowest configurable rate, frames per second. */
    public static final double MIN_FPS = 0.1;
    /** Highest configurable rate, frames per second. */
    public static final double MAX_FPS = 120;

    /**
     * @throws IllegalArgumentException with the reason, if a value is out of range
     */
    public CameraSettings {
        if (url == null || url.isBlank() || path == null) {
            throw new IllegalArgumentException("url is empty; give a video file or a folder of images");
        }
        if (!(fps == 0 || fps >= MIN_FPS && fps <= MAX_FPS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fps %s is outside %s..%s (or 0 for the file's own rate)", fps, MIN_FPS, MAX_FPS));
        }
    }

    /**
     * @param url  a path, absolute or relative to the working directory, or a {@code file:} URI
     * @param fps  frames per second, {@value #MIN_FPS}..{@value #MAX_FPS}, or 0 for the file's own rate
     * @param loop whether to restart at the end
     * @return the settings
     * @throws IllegalArgumentException with the reason, if {@code url} is not a path or {@code fps} is out of range
     */
    public static CameraSettings of(String url, double fps, boolean loop) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url is empty; give a video file or a folder of images");
        }
        String trimmed = url.trim();
        Path path;
        try {
            path = trimmed.startsWith("file:") ? Path.of(URI.create(trimmed)) : Path.of(trimmed);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) { // InvalidPathException included
            throw new IllegalArgumentException("url '" + trimmed + "' is not a file path: " + e.getMessage(), e);
        }
        return new CameraSettings(trimmed, path.toAbsolutePath().normalize(), fps, loop);
    }
}
