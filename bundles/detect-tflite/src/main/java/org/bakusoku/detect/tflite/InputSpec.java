package org.bakusoku.detect.tflite;

import org.bakusoku.detect.DetectorException;

/**
 * The image input a detection model expects: one tensor of shape {@code [1, height, width, 3]}, RGB.
 *
 * @param height    input height in pixels, &gt; 0
 * @param width     input width in pixels, &gt; 0
 * @param type      {@link TensorType#UINT8}, {@link TensorType#INT8} or {@link TensorType#FLOAT32}
 * @param scale     quantization scale of the tensor (real = scale * (q - zeroPoint)); 0 for float input
 * @param zeroPoint quantization zero point; 0 for float input
 */
public record InputSpec(int height, int width, TensorType type, float scale, int zeroPoint) {

    /**
     * Reads the input spec from the model's only input tensor.
     *
     * @param input the input tensor
     * @return the spec
     * @throws DetectorException if the tensor is not {@code [1,H,W,3]} of UINT8, INT8 or FLOAT32, or an INT8
     *                           input lacks a positive quantization scale
     */
    public static InputSpec of(TensorInfo input) throws DetectorException {
        if (!input.hasShape(1, -1, -1, 3) || input.shape().get(1) <= 0 || input.shape().get(2) <= 0) {
            throw new DetectorException("input is not an RGB image tensor [1,H,W,3]: " + input.describe());
        }
        TensorType type = input.type();
        if (type != TensorType.UINT8 && type != TensorType.INT8 && type != TensorType.FLOAT32) {
            throw new DetectorException("input type " + type + " is not supported (UINT8, INT8 or FLOAT32): "
                    + input.describe());
        }
        if (type == TensorType.INT8 && !(input.scale() > 0f)) {
            throw new DetectorException("INT8 input has no quantization scale: " + input.describe());
        }
        return new InputSpec(input.shape().get(1), input.shape().get(2), type, input.scale(), input.zeroPoint());
    }

    /** @return number of elements of the input tensor, {@code height * width * 3} */
    public int elementCount() {
        return height * width * 3;
    }

    @Override
    public String toString() {
        String quant = type == TensorType.FLOAT32 ? "" : " scale=" + scale + " zero_point=" + zeroPoint;
        return "[1," + height + "," + width + ",3] " + type + quant;
    }
}
