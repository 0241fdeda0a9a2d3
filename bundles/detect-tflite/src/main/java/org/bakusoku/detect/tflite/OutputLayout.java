package org.bakusoku.detect.tflite;

/**
 * Where a detection model's results are among its outputs: the four outputs of the
 * {@code TFLite_Detection_PostProcess} op ({@link DetectionOutputs}) or raw per-anchor box encodings and class
 * scores decoded in Java ({@link RawSsdOutputs}).
 */
public sealed interface OutputLayout permits DetectionOutputs, RawSsdOutputs {

    /** @return the most detections one frame can yield, &gt; 0 */
    int maxDetections();
}
