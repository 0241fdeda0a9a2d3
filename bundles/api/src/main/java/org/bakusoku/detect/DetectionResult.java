package org.bakusoku.detect;

import java.util.List;

import org.bakusoku.frame.Frame;
import org.bakusoku.model.ModelInfo;

/**
 * The detections found in one frame.
 *
 * @param frame      the frame that was analysed (shared, never modified)
 * @param model      the model that produced the detections
 * @param detections detections above the detector's score threshold, highest score first; never null
 * @param timings    where the time went
 */
public record DetectionResult(Frame frame, ModelInfo model, List<Detection> detections, Timings timings) {

    /** Copies the list so that the result is immutable. */
    public DetectionResult {
        detections = List.copyOf(detections);
    }
}
