package org.bakusoku.detect.tflite;

/**
 * Element type of a TFLite tensor, as far as this detector needs to name it. The TFLite codes
 * ({@code TfLiteType} in {@code tensorflow/lite/core/c/c_api_types.h}) are mapped by {@link TfliteModel}.
 */
public enum TensorType {
    FLOAT32, INT32, UINT8, INT64, STRING, BOOL, INT16, INT8, FLOAT16,
    /** Any other TFLite type (complex, 4-bit, ...): never valid for a detector input or output. */
    OTHER
}
