package org.bakusoku.detect.tflite;

import java.util.List;

/**
 * What the interpreter says about one input or output tensor, copied into plain Java so that the
 * validation rules can be tested without natives.
 *
 * @param name      tensor name from the flatbuffer, e.g. {@code "TFLite_Detection_PostProcess:1"}
 * @param shape     dimensions, e.g. {@code [1, 300, 300, 3]}
 * @param type      element type
 * @param scale     quantization scale (0 when the tensor is not quantized)
 * @param zeroPoint quantization zero point (0 when the tensor is not quantized)
 */
public record TensorInfo(String name, List<Integer> shape, TensorType type, float scale, int zeroPoint) {

    /** Copies the shape so that the record is immutable. */
    public TensorInfo {
        shape = List.copyOf(shape);
    }

    /**
     * A tensor without quantization parameters.
     *
     * @param name  tensor name
     * @param type  element type
     * @param shape dimensions
     * @return the tensor info
     */
    public static TensorInfo of(String name, TensorType type, Integer... shape) {
        return new TensorInfo(name, List.of(shape), type, 0f, 0);
    }

    /** @return the number of dimensions */
    public int rank() {
        return shape.size();
    }

    /**
     * @param dims expected dimensions; a negative value matches any size
     * @return true when this tensor has exactly these dimensions
     */
    public boolean hasShape(int... dims) {
        if (dims.length != shape.size()) {
            return false;
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] >= 0 && dims[i] != shape.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** @return a short description for messages, e.g. {@code 'scores' [1, 10] FLOAT32} */
    public String describe() {
        return "'" + name + "' " + shape + " " + type;
    }
}
