package org.bakusoku.frame;

/**
 * One captured image, 8-bit RGB, interleaved, row-major, no padding.
 *
 * <p>Pixel (x, y) starts at byte {@code (y * width + x) * 3} of {@link #rgb()} in the order R, G, B.
 * A frame is immutable by contract: producers never write to {@code rgb} after publishing it and
 * consumers never write to it at all, so one frame may be shared by the detector and the console.
 *
 * @param sequence     number of this frame within its source, strictly increasing from 1
 * @param timestampMs  capture instant, epoch milliseconds (UTC)
 * @param captureNanos capture instant on the {@link System#nanoTime()} clock, for latency figures
 * @param width        width in pixels, &gt; 0
 * @param height       height in pixels, &gt; 0
 * @param rgb          {@code width * height * 3} bytes
 */
public record Frame(long sequence, long timestampMs, long captureNanos, int width, int height, byte[] rgb) {

    /**
     * @throws IllegalArgumentException if a dimension is not positive or {@code rgb} has the wrong length
     */
    public Frame {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        if (rgb == null || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("rgb must hold width*height*3 = " + (width * height * 3) + " bytes, got "
                    + (rgb == null ? "null" : rgb.length));
        }
    }

    @Override
    public String toString() {
        return "Frame[#" + sequence + " " + width + "x" + height + " @" + timestampMs + "]";
    }
}
