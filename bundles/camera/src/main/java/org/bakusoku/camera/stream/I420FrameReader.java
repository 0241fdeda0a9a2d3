package org.bakusoku.camera.stream;

import java.io.IOException;
import java.io.InputStream;

import org.bakusoku.camera.file.RgbImage;

/**
 * Reads raw planar YUV 4:2:0 frames (I420: the Y plane, then U, then V at half width and height, no padding), as
 * {@code rpicam-vid --codec yuv420 -o -} writes them, and converts them to RGB. The size is fixed by the command, so
 * width and height must be even and the stream must carry whole frames of exactly that size.
 */
public final class I420FrameReader implements FrameReader {

    private final int width;
    private final int height;
    private final YuvConverter converter;
    private final byte[] yuv;

    /**
     * @param width     frame width, pixels, even, &gt; 0
     * @param height    frame height, pixels, even, &gt; 0
     * @param converter colour matrix and range of the stream
     * @throws IllegalArgumentException if a side is odd or not positive
     */
    public I420FrameReader(int width, int height, YuvConverter converter) {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("I420 frames need an even, positive size, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.converter = converter;
        this.yuv = new byte[width * height * 3 / 2];
    }

    @Override
    public RgbImage next(InputStream in) throws IOException {
        if (!FrameReader.readFully(in, yuv, 0, yuv.length)) {
            return null;
        }
        return new RgbImage(width, height, converter.i420ToRgb(yuv, width, height));
    }
}
