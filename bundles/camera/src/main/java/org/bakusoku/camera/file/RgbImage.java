package org.bakusoku.camera.file;

/**
 * One decoded image: 8-bit RGB, interleaved, row-major, no padding (the layout of
 * {@link org.bakusoku.frame.Frame#rgb()}).
 *
 * <p>The array is never written after construction, so one instance may back several published frames.
 *
 * @param width  width in pixels, &gt; 0
 * @param height height in pixels, &gt; 0
 * @param rgb    {@code width * height * 3} bytes, R, G, B per pixel
 */
public record RgbImage(int width, int height, byte[] rgb) {

    /**
     * @throws IllegalArgumentException if a dimension is not positive or {@code rgb} has the wrong length
     */
    public RgbImage {
        if (width <= 0 || height <= 0 || rgb == null || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("bad RGB image " + width + "x" + height + " with "
                    + (rgb == null ? "no" : String.valueOf(rgb.length)) + " bytes");
        }
    }

    /**
     * @param x column, 0..width-1
     * @param y row, 0..height-1
     * @return the pixel as {@code 0xRRGGBB}
     */
    public int rgbAt(int x, int y) {
        int i = (y * width + x) * 3;
        return (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
    }
}
