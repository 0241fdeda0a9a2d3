package org.bakusoku.camera.file;

import java.io.Closeable;
import java.io.IOException;

/**
 * A finite, rewindable series of images read from storage: the frames of a video file, or the images of
 * a folder. Not thread-safe: one capture thread owns it.
 */
public interface ImageSequence extends Closeable {

    /**
     * Decodes the next image. Corrupt entries are skipped with a log line; a truncated file ends the pass.
     *
     * @return the next image, or {@code null} at the end of this pass
     * @throws IOException if the underlying file can no longer be read at all
     */
    RgbImage next() throws IOException;

    /**
     * Starts a new pass at the first image.
     *
     * @throws IOException if the source cannot be re-read
     */
    void rewind() throws IOException;

    /**
     * @return the rate the source was recorded at, frames per second, &gt; 0 (the file header's rate for a
     *         video, {@value ImageFolderSequence#DEFAULT_FPS} for images)
     */
    double nativeFps();

    /**
     * @return a short description for logs and the console, e.g. {@code "AVI MJPEG 640x480, 80 frames"}
     */
    String describe();
}
