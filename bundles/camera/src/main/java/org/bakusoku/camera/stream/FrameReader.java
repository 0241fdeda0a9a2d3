package org.bakusoku.camera.stream;

import java.io.IOException;
import java.io.InputStream;

import org.bakusoku.camera.file.RgbImage;

/** Reads consecutive frames from a decoder's standard output. Not thread-safe: one reader thread owns it. */
@FunctionalInterface
public interface FrameReader {

    /**
     * @param in the decoder's output
     * @return the next frame as a new image, or {@code null} at the end of the stream (also when the stream ends in
     *         the middle of a frame)
     * @throws IOException if the stream cannot be read or is not in the expected format
     */
    RgbImage next(InputStream in) throws IOException;

    /**
     * Reads exactly {@code length} bytes unless the stream ends first.
     *
     * @return true if all bytes were read, false at the end of the stream
     */
    static boolean readFully(InputStream in, byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(buffer, offset + done, length - done);
            if (n < 0) {
                return false;
            }
            done += n;
        }
        return true;
    }
}
