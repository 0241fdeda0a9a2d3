package org.bakusoku.camera.stream;

import java.io.IOException;
import java.io.InputStream;

import org.bakusoku.camera.file.RgbImage;

/**
 * Reads binary PPM images ({@code P6}, maxval 255) back to back, as {@code ffmpeg -f image2pipe -c:v ppm} writes
 * them: an ASCII header {@code P6 <width> <height> 255} separated by whitespace (comments from {@code #} to the end
 * of a line allowed), one whitespace byte, then width * height RGB triplets. Each frame carries its own size, so a
 * stream whose resolution changes is followed. Format: Netpbm PPM specification (netpbm.sourceforge.net/doc/ppm.html).
 */
public final class PpmFrameReader implements FrameReader {

    /** Largest accepted side, pixels: a corrupt header must not make us allocate gigabytes. */
    static final int MAX_SIDE = 8192;

    @Override
    public RgbImage next(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        if (first != 'P' || in.read() != '6') {
            throw new IOException("decoder output is not a binary PPM stream (expected P6)");
        }
        int width = number(in);
        int height = number(in);
        int max = number(in);
        if (width < 0 || height < 0 || max < 0) {
            return null; // ended inside the header
        }
        if (width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE || max != 255) {
            throw new IOException("unsupported PPM frame " + width + "x" + height + " maxval " + max);
        }
        byte[] rgb = new byte[width * height * 3];
        return FrameReader.readFully(in, rgb, 0, rgb.length) ? new RgbImage(width, height, rgb) : null;
    }

    /** Reads one decimal header field and the single whitespace byte after it; -1 at the end of the stream. */
    private static int number(InputStream in) throws IOException {
        int c = in.read();
        while (c == '#' || Character.isWhitespace(c)) {
            if (c == '#') {
                while (c >= 0 && c != '\n') {
                    c = in.read();
                }
            }
            c = in.read();
        }
        if (c < 0) {
            return -1;
        }
        long value = 0;
        int digits = 0;
        for (; c >= '0' && c <= '9'; c = in.read()) {
            value = Math.min(value * 10 + (c - '0'), Integer.MAX_VALUE);
            digits++;
        }
        if (digits == 0 || !(c < 0 || Character.isWhitespace(c))) {
            throw new IOException("bad PPM header field");
        }
        return c < 0 ? -1 : (int) value;
    }
}
