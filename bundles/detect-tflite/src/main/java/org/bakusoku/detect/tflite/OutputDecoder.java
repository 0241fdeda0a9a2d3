package org.bakusoku.detect.tflite;

import java.util.List;

import org.bakusoku.detect.Detection;

/**
 * Turns a model's outputs after {@code Invoke()} into detections. One instance per loaded model; it owns the
 * arrays the outputs are copied into, so decoding allocates only the returned detections. Not thread-safe.
 */
public interface OutputDecoder {

    /**
     * @param model          the model that was just invoked
     * @param scoreThreshold minimum score 0..1
     * @return the detections at or above the threshold, highest score first
     */
    List<Detection> decode(TfliteModel model, float scoreThreshold);

    /**
     * @param spec   the model's layout
     * @param labels its labels
     * @return the decoder for that layout
     */
    static OutputDecoder of(ModelSpec spec, Labels labels) {
        if (spec.outputs() instanceof RawSsdOutputs raw) {
            return new RawSsdDecoder(raw, labels);
        }
        DetectionOutputs o = (DetectionOutputs) spec.outputs();
        DetectionDecoder decoder = new DetectionDecoder(labels);
        int n = o.maxDetections();
        float[] boxes = new float[4 * n];
        float[] classes = new float[n];
        float[] scores = new float[n];
        float[] count = new float[1];
        return (model, threshold) -> {
            model.readOutput(o.boxes(), boxes, 4 * n);
            model.readOutput(o.classes(), classes, n);
            model.readOutput(o.scores(), scores, n);
            model.readOutput(o.count(), count, 1);
            return decoder.decode(boxes, classes, scores, (int) count[0], threshold);
        };
    }
}
