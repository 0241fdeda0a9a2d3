package org.bakusoku.model;

/**
 * The image input a model expects: one tensor of shape {@code [1, height, width, 3]}, RGB.
 *
 * @param width  input width in pixels, &gt; 0
 * @param height input height in pixels, &gt; 0
 * @param type   element type as TFLite names it: {@code "UINT8"}, {@code "INT8"} or {@code "FLOAT32"}
 */
public record ModelInput(int width, int height, String type) {

    @Override
    public String toString() {
        return "[1," + height + "," + width + ",3] " + type;
    }
}
