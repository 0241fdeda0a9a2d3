package org.bakusoku.detect.tflite;

/**
 * How a frame is encoded for a model: input size and type plus normalization. Two models with equal layouts accept
 * the same prepared bytes, so an input prepared before a model swap is reused when the layouts agree.
 *
 * @param spec the input tensor
 * @param mean mean subtracted from 0..255 values (FLOAT32, INT8)
 * @param std  divisor after the mean (FLOAT32, INT8)
 */
public record InputLayout(InputSpec spec, float mean, float std) {

    /** @return bytes of one encoded input: {@code h * w * 3}, times 4 for FLOAT32 */
    public int byteCount() {
        return spec.elementCount() * (spec.type() == TensorType.FLOAT32 ? Float.BYTES : 1);
    }
}
