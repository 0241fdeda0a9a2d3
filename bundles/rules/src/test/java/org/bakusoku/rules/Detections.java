package org.bakusoku.rules;

import java.util.List;

import org.bakusoku.detect.Box;
import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.Timings;
import org.bakusoku.frame.Frame;
import org.bakusoku.model.ModelInfo;

/** Detections and results as the detector produces them, for rule tests. */
final class Detections {

    /** Capture time of a frame at virtual time 0: 2026-01-01T00:00:00Z (the relay tests' virtual clock origin). */
    static final long ORIGIN_MS = 1_767_225_600_000L;
    /** A standing person left of centre, area 0.21. */
    static final Box LEFT = new Box(0.1f, 0.2f, 0.4f, 0.9f);
    /** The same person right of centre. */
    static final Box RIGHT = new Box(0.6f, 0.2f, 0.9f, 0.9f);

    private static final ModelInfo MODEL = ModelInfo.of("ssd_mobilenet_v1_coco_quant", "0".repeat(64));

    private Detections() {
    }

    /** @return a detection with the COCO class id of the label (person 0, car 2, cat 16, else 90), box {@link #LEFT} */
    static Detection detection(String label, float score) {
        return detection(label, score, LEFT);
    }

    static Detection detection(String label, float score, Box box) {
        int classId = switch (label) {
            case "person" -> 0;
            case "car" -> 2;
            case "cat" -> 16;
            default -> 90;
        };
        return new Detection(label, classId, score, box);
    }

    /** @return the result of one 4x3 frame captured at virtual time {@code tMs}, holding the given detections */
    static DetectionResult result(long tMs, Detection... detections) {
        Frame frame = new Frame(1 + tMs, ORIGIN_MS + tMs, tMs * 1_000_000, 4, 3, new byte[4 * 3 * 3]);
        return new DetectionResult(frame, MODEL, List.of(detections), new Timings(1.0, 20.0, 25.0));
    }

    /** @return the result of a frame at virtual time 0 */
    static DetectionResult result(Detection... detections) {
        return result(0, detections);
    }
}
