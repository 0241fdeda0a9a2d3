package org.bakusoku.detect.tflite;

import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.TfLiteTensor;

/**
 * Copies output tensors into Java float arrays, dequantizing 8-bit outputs with the tensor's affine parameters
 * ({@code real = scale * (q - zeroPoint)}, TFLite quantization spec). The types and parameters are read once;
 * the tensor memory is looked up per call because TFLite may move it when tensors are reallocated.
 */
final class OutputReader {

    private final Interpreter interpreter;
    private final TensorType[] types;
    private final float[] scales;
    private final int[] zeroPoints;
    private byte[] scratch = new byte[0];

    OutputReader(Interpreter interpreter) {
        this.interpreter = interpreter;
        int n = (int) interpreter.outputs().limit();
        this.types = new TensorType[n];
        this.scales = new float[n];
        this.zeroPoints = new int[n];
        for (int i = 0; i < n; i++) {
            TfLiteTensor t = interpreter.output_tensor(i);
            types[i] = Tensors.type(t.type());
            scales[i] = t.params().scale();
            zeroPoints[i] = t.params().zero_point();
        }
    }

    /**
     * @param index output index
     * @param dst   receives {@code count} real values
     * @param count number of leading elements to copy
     * @throws IllegalStateException if the output is neither FLOAT32 nor UINT8/INT8 (validation prevents this)
     */
    void read(int index, float[] dst, int count) {
        TensorType type = types[index];
        if (type == TensorType.FLOAT32) {
            interpreter.typed_output_tensor_float(index).get(dst, 0, count);
            return;
        }
        if (type != TensorType.UINT8 && type != TensorType.INT8) {
            throw new IllegalStateException("output " + index + " has unsupported type " + type);
        }
        if (scratch.length < count) {
            scratch = new byte[count]; // once per model: the largest quantized output
        }
        interpreter.output_tensor(index).data().raw().get(scratch, 0, count);
        float scale = scales[index];
        int zeroPoint = zeroPoints[index];
        boolean unsigned = type == TensorType.UINT8;
        for (int i = 0; i < count; i++) {
            int q = unsigned ? scratch[i] & 0xFF : scratch[i];
            dst[i] = scale * (q - zeroPoint);
        }
    }
}
