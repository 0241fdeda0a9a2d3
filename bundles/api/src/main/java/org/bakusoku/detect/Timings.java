package org.bakusoku.detect;

/**
 * Where the time of one frame went, in milliseconds.
 *
 * @param preprocessMs resize, colour conversion and quantization of the frame into the input tensor
 * @param invokeMs     TensorFlow Lite {@code Interpreter::Invoke()} alone
 * @param totalMs      from frame capture to detections ready (includes waiting for the detector)
 */
public record Timings(double preprocessMs, double invokeMs, double totalMs) {
}
