package org.bakusoku.detect;

/**
 * Where the time of one frame went, in milliseconds.
 *
 * @param preprocessMs resize, colour conversion and quantization of the frame into the input tensor
 * @param invokeMs     TensorFlow Lite {@code Interpreter::Invoke()} alone
 * @param totalMs      as returned by {@link Detector#detect}: preprocessing + inference + decoding; in a
 *                     {@link DetectTopics#DETECTED} event the pipeline replaces it with the latency from frame
 *                     capture to detections ready (including the wait for the detector)
 */
public record Timings(double preprocessMs, double invokeMs, double totalMs) {
}
