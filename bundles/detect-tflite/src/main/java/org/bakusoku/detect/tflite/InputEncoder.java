package org.bakusoku.detect.tflite;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * Resizes an interleaved RGB image to a model's input size and encodes it in the input tensor's element type.
 *
 * <p>Resize: bilinear with half-pixel centres and no aspect-ratio preservation (a plain stretch). Output pixel
 * {@code i} samples source coordinate {@code (i + 0.5) * src / dst - 0.5}, clamped to the image; this is
 * TFLite's {@code resize_bilinear} with {@code half_pixel_centers = true}
 * ({@code tensorflow/lite/kernels/internal/reference/resize_bilinear.h}) and OpenCV's {@code INTER_LINEAR},
 * the method the models' SOURCE.md name for their reference results. (Those figures are matched to within a
 * few 1/256 score steps, not bit for bit: the reference code's exact float and rounding order is not published.)
 *
 * <p>Encoding of an interpolated value {@code v} in 0..255:
 * <ul>
 * <li>UINT8: {@code round(v)}, the pixel bytes as they are (the uint8 SSD models expect raw RGB);</li>
 * <li>FLOAT32: {@code (v - mean) / std}, by default {@code (v - 127.5) / 127.5} in -1..1;</li>
 * <li>INT8: the real value {@code r = (v - mean) / std} quantized with the tensor's parameters,
 * {@code q = round(r / scale) + zeroPoint} clamped to -128..127, rounding half away from zero (TFLite's
 * quantization spec, https://www.tensorflow.org/lite/performance/quantization_spec, and its reference
 * {@code Quantize} kernel, which rounds with {@code std::round}).</li>
 * </ul>
 *
 * <p>The interpolation tables are computed once per source size and reused, so encoding allocates nothing per
 * frame. Not thread-safe: one encoder per pipeline thread.
 */
public final class InputEncoder {

    private final InputSpec spec;
    private final float mean;
    private final float std;
    private final float[] row;
    private final int[] xLeft;
    private final int[] xRight;
    private final float[] xLerp;
    private final int[] yTop;
    private final int[] yBottom;
    private final float[] yLerp;
    private int sourceWidth = -1;
    private int sourceHeight = -1;

    /**
     * @param spec the model's input
     * @param mean value subtracted before scaling (float and int8 input), in 0..255 units; default 127.5
     * @param std  divisor after subtracting the mean (float and int8 input), non-zero; default 127.5
     * @throws IllegalArgumentException if {@code std} is zero or either value is not finite
     */
    public InputEncoder(InputSpec spec, float mean, float std) {
        if (!Float.isFinite(mean) || !Float.isFinite(std) || std == 0f) {
            throw new IllegalArgumentException("input mean must be finite and std finite and non-zero, got mean "
                    + mean + " std " + std);
        }
        this.spec = spec;
        this.mean = mean;
        this.std = std;
        this.row = new float[spec.width() * 3];
        this.xLeft = new int[spec.width()];
        this.xRight = new int[spec.width()];
        this.xLerp = new float[spec.width()];
        this.yTop = new int[spec.height()];
        this.yBottom = new int[spec.height()];
        this.yLerp = new float[spec.height()];
    }

    /** @return the input this encoder writes */
    public InputSpec spec() {
        return spec;
    }

    /**
     * Encodes an image for a UINT8 or INT8 input.
     *
     * @param rgb    {@code width * height * 3} bytes, RGB interleaved, row-major
     * @param width  source width in pixels, &gt; 0
     * @param height source height in pixels, &gt; 0
     * @param dst    receives {@code spec.height * spec.width * 3} bytes at absolute indexes 0.. (heap or direct,
     *               e.g. the input tensor's memory); its position is not used
     * @throws IllegalArgumentException if the sizes do not match or the input is FLOAT32
     */
    public void encode(byte[] rgb, int width, int height, ByteBuffer dst) {
        if (spec.type() == TensorType.FLOAT32) {
            throw new IllegalArgumentException("FLOAT32 input needs a FloatBuffer");
        }
        prepare(rgb, width, height, dst.capacity());
        boolean int8 = spec.type() == TensorType.INT8;
        int rowLength = row.length;
        for (int y = 0; y < spec.height(); y++) {
            resizeRow(rgb, y);
            int base = y * rowLength;
            for (int i = 0; i < rowLength; i++) {
                int q = int8 ? quantize((row[i] - mean) / std, spec.scale(), spec.zeroPoint(), -128, 127)
                        : (int) (row[i] + 0.5f);
                dst.put(base + i, (byte) q);
            }
        }
    }

    /**
     * Encodes an image for a FLOAT32 input as {@code (v - mean) / std}.
     *
     * @param rgb    {@code width * height * 3} bytes, RGB interleaved, row-major
     * @param width  source width in pixels, &gt; 0
     * @param height source height in pixels, &gt; 0
     * @param dst    receives {@code spec.height * spec.width * 3} floats at absolute indexes 0..
     * @throws IllegalArgumentException if the sizes do not match or the input is not FLOAT32
     */
    public void encode(byte[] rgb, int width, int height, FloatBuffer dst) {
        if (spec.type() != TensorType.FLOAT32) {
            throw new IllegalArgumentException(spec.type() + " input needs a ByteBuffer");
        }
        prepare(rgb, width, height, dst.capacity());
        int rowLength = row.length;
        for (int y = 0; y < spec.height(); y++) {
            resizeRow(rgb, y);
            int base = y * rowLength;
            for (int i = 0; i < rowLength; i++) {
                dst.put(base + i, (row[i] - mean) / std);
            }
        }
    }

    /**
     * Affine quantization of one real value: {@code round(real / scale) + zeroPoint}, rounding half away from
     * zero, clamped to {@code min..max} (TFLite quantization spec).
     *
     * @param real      the real value
     * @param scale     quantization scale, &gt; 0
     * @param zeroPoint quantization zero point
     * @param min       smallest representable value, e.g. -128 for int8
     * @param max       largest representable value, e.g. 127 for int8
     * @return the quantized value in {@code min..max}
     */
    public static int quantize(float real, float scale, int zeroPoint, int min, int max) {
        float scaled = real / scale;
        long rounded = (long) (scaled < 0f ? -Math.floor(-scaled + 0.5) : Math.floor(scaled + 0.5));
        return (int) Math.max(min, Math.min(max, rounded + zeroPoint));
    }

    private void prepare(byte[] rgb, int width, int height, int capacity) {
        if (width <= 0 || height <= 0 || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("rgb must hold width*height*3 bytes for " + width + "x" + height
                    + ", got " + rgb.length);
        }
        if (capacity < spec.elementCount()) {
            throw new IllegalArgumentException("destination holds " + capacity + " elements, the input needs "
                    + spec.elementCount());
        }
        // The row offsets are multiples of the row stride (width * 3): a new width invalidates them too.
        if (width != sourceWidth || height != sourceHeight) {
            axis(width, spec.width(), xLeft, xRight, xLerp, 3);
            axis(height, spec.height(), yTop, yBottom, yLerp, width * 3);
            sourceWidth = width;
            sourceHeight = height;
        }
    }

    /** Half-pixel-centre sample positions along one axis, as byte offsets of the two neighbours and a weight. */
    private static void axis(int source, int target, int[] low, int[] high, float[] lerp, int stride) {
        float scale = (float) source / target;
        for (int i = 0; i < target; i++) {
            float at = (i + 0.5f) * scale - 0.5f;
            int floor = (int) Math.floor(at);
            low[i] = Math.max(floor, 0) * stride;
            high[i] = Math.min(floor + 1, source - 1) * stride;
            lerp[i] = at - floor;
        }
    }

    /** Fills {@link #row} with output row {@code y}, unrounded 0..255 values. */
    private void resizeRow(byte[] rgb, int y) {
        int top = yTop[y];
        int bottom = yBottom[y];
        float wy = yLerp[y];
        for (int x = 0, o = 0; x < xLeft.length; x++) {
            int left = xLeft[x];
            int right = xRight[x];
            float wx = xLerp[x];
            for (int c = 0; c < 3; c++, o++) {
                float tl = rgb[top + left + c] & 0xFF;
                float bl = rgb[bottom + left + c] & 0xFF;
                float upper = tl + ((rgb[top + right + c] & 0xFF) - tl) * wx;
                float lower = bl + ((rgb[bottom + right + c] & 0xFF) - bl) * wx;
                row[o] = upper + (lower - upper) * wy;
            }
        }
    }
}
