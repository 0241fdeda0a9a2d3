package org.bakusoku.detect.tflite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bakusoku.detect.Box;
import org.bakusoku.detect.Detection;

/**
 * Turns the four {@code TFLite_Detection_PostProcess} outputs into {@link Detection}s.
 *
 * <p>Keeps the first {@code count} slots whose score is at or above the threshold, maps class indexes to labels,
 * reorders each box from the op's {@code ymin, xmin, ymax, xmax} to {@link Box}'s {@code xmin, ymin, xmax, ymax}
 * without clamping (boxes may lie slightly outside 0..1), and sorts by score, highest first (ties keep the
 * model's order).
 */
public final class DetectionDecoder {

    private static final Comparator<Detection> BY_SCORE_DESCENDING =
            Comparator.comparingDouble((Detection d) -> d.score()).reversed();

    private final Labels labels;

    /** @param labels the model's labels */
    public DetectionDecoder(Labels labels) {
        this.labels = labels;
    }

    /**
     * @param boxes          {@code 4 * N} values, per slot {@code ymin, xmin, ymax, xmax}, normalized
     * @param classes        {@code N} class indexes (integral floats)
     * @param scores         {@code N} scores 0..1
     * @param count          valid slots as reported by the model; clamped to 0..N
     * @param scoreThreshold minimum score 0..1; a slot with a NaN score is never kept
     * @return the kept detections, highest score first; a new mutable list
     */
    public List<Detection> decode(float[] boxes, float[] classes, float[] scores, int count, float scoreThreshold) {
        int n = Math.max(0, Math.min(count, Math.min(scores.length, Math.min(classes.length, boxes.length / 4))));
        List<Detection> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float score = scores[i];
            if (!(score >= scoreThreshold)) {
                continue;
            }
            int classId = Math.round(classes[i]);
            Box box = new Box(boxes[4 * i + 1], boxes[4 * i], boxes[4 * i + 3], boxes[4 * i + 2]).clippedToFrame();
            kept.add(new Detection(labels.label(classId), classId, score, box));
        }
        kept.sort(BY_SCORE_DESCENDING);
        return kept;
    }
}
