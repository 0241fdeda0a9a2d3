package org.bakusoku.detect.tflite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bakusoku.detect.Box;
import org.bakusoku.detect.Detection;

/**
 * Decodes raw SSD outputs in Java, doing what {@code TFLite_Detection_PostProcess} does inside a graph:
 * <ol>
 * <li>scores: per anchor and class, {@code sigmoid(logit)} or the value as is (manifest {@code score}); the
 * background column is skipped;</li>
 * <li>boxes: the TF Object Detection API center-size coder ({@code box_coders/faster_rcnn_box_coder.py},
 * {@code decode}; TFLite {@code detection_postprocess.cc}, {@code DecodeCenterSizeBoxes}): with anchor
 * {@code (ya, xa, ha, wa)}, encoding {@code (ty, tx, th, tw)} and scale factors {@code (sy, sx, sh, sw)},
 * {@code yc = ty / sy * ha + ya}, {@code xc = tx / sx * wa + xa}, {@code h = exp(th / sh) * ha},
 * {@code w = exp(tw / sw) * wa}, box = centre &plusmn; half size;</li>
 * <li>class-aware non-maximum suppression: candidates at or above the score threshold, highest score first (ties:
 * lower anchor, then lower class); a candidate is dropped when its IoU with an already kept box of the same class is
 * greater than the IoU threshold; at most {@code max_detections} are kept (TFLite's "regular" NMS,
 * {@code NonMaxSuppressionMultiClassRegularHelper}, ranks the same way).</li>
 * </ol>
 * Boxes are not clipped, as in the post-process op. The arrays are allocated once per model; a frame allocates only
 * its detections. Not thread-safe.
 */
public final class RawSsdDecoder implements OutputDecoder {

    private final RawSsdOutputs layout;
    private final RawSsdConfig config;
    private final Labels labels;
    private final float[] encodings;
    private final float[] scores;
    private final float[] keptBoxes;
    private final int[] keptClasses;
    private final float[] candidateBox = new float[4];
    private long[] candidates = new long[64];

    /**
     * @param layout the model's raw outputs and manifest
     * @param labels its labels (class {@code c} as the {@link Labels} file maps it)
     */
    public RawSsdDecoder(RawSsdOutputs layout, Labels labels) {
        this.layout = layout;
        this.config = layout.config();
        this.labels = labels;
        this.encodings = new float[layout.anchors() * 4];
        this.scores = new float[layout.anchors() * layout.columns()];
        this.keptBoxes = new float[config.maxDetections() * 4];
        this.keptClasses = new int[config.maxDetections()];
    }

    @Override
    public List<Detection> decode(TfliteModel model, float scoreThreshold) {
        model.readOutput(layout.boxes(), encodings, encodings.length);
        model.readOutput(layout.scores(), scores, scores.length);
        return decode(encodings, scores, scoreThreshold);
    }

    /**
     * @param boxEncodings   {@code 4 * N} values, {@code ty, tx, th, tw} per anchor
     * @param classScores    {@code N * C} values, row-major per anchor, logits or scores as the manifest says
     * @param scoreThreshold minimum score 0..1
     * @return the kept detections, highest score first
     */
    public List<Detection> decode(float[] boxEncodings, float[] classScores, float scoreThreshold) {
        int count = collectCandidates(classScores, scoreThreshold);
        Arrays.sort(candidates, 0, count);
        int classes = layout.classes();
        List<Detection> kept = new ArrayList<>();
        for (int i = 0; i < count && kept.size() < config.maxDetections(); i++) {
            int index = (int) candidates[i];
            int anchor = index / classes;
            int classId = index % classes;
            decodeBox(boxEncodings, anchor, candidateBox);
            if (suppressed(kept.size(), classId)) {
                continue;
            }
            System.arraycopy(candidateBox, 0, keptBoxes, 4 * kept.size(), 4);
            keptClasses[kept.size()] = classId;
            float score = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (candidates[i] >>> 32));
            kept.add(new Detection(labels.label(classId), classId, score,
                    new Box(candidateBox[1], candidateBox[0], candidateBox[3], candidateBox[2]).clippedToFrame()));
        }
        return kept;
    }

    /**
     * Packs each candidate as one sortable long: high half {@code MAX_VALUE - floatBits(score)} (ascending = highest
     * score first; the bits of non-negative floats order like the floats), low half {@code anchor * classes + class}.
     */
    private int collectCandidates(float[] classScores, float threshold) {
        int columns = layout.columns();
        int first = config.background() ? 1 : 0;
        int classes = layout.classes();
        float logitFloor = logitFloor(threshold);
        int count = 0;
        for (int a = 0; a < layout.anchors(); a++) {
            int row = a * columns;
            for (int c = first; c < columns; c++) {
                float raw = classScores[row + c];
                if (config.sigmoid() && !(raw >= logitFloor)) {
                    continue; // sigmoid is monotonic: most logits are rejected without exp()
                }
                float score = (config.sigmoid() ? (float) (1.0 / (1.0 + Math.exp(-raw))) : raw) + 0f;
                if (!(score >= threshold)) {
                    continue;
                }
                if (count == candidates.length) {
                    candidates = Arrays.copyOf(candidates, count * 2); // grows to the model's worst case once
                }
                long order = Integer.MAX_VALUE - Float.floatToIntBits(score);
                candidates[count++] = order << 32 | (a * classes + (c - first));
            }
        }
        return count;
    }

    /** A logit below which the sigmoid is surely below the threshold (with a margin for float rounding). */
    private static float logitFloor(float threshold) {
        if (threshold <= 0f) {
            return Float.NEGATIVE_INFINITY;
        }
        if (threshold >= 1f) {
            return 15f; // sigmoid(15) < 1 - 3e-7: only larger logits round to 1.0f
        }
        return (float) Math.log(threshold / (1.0 - threshold)) - 1e-3f;
    }

    /** Center-size decoding of one anchor into {@code ymin, xmin, ymax, xmax}. */
    private void decodeBox(float[] boxEncodings, int anchor, float[] out) {
        float[] a = config.anchors();
        float[] s = config.scale();
        int i = 4 * anchor;
        float yCenter = boxEncodings[i] / s[0] * a[i + 2] + a[i];
        float xCenter = boxEncodings[i + 1] / s[1] * a[i + 3] + a[i + 1];
        float halfH = 0.5f * (float) Math.exp(boxEncodings[i + 2] / s[2]) * a[i + 2];
        float halfW = 0.5f * (float) Math.exp(boxEncodings[i + 3] / s[3]) * a[i + 3];
        out[0] = yCenter - halfH;
        out[1] = xCenter - halfW;
        out[2] = yCenter + halfH;
        out[3] = xCenter + halfW;
    }

    private boolean suppressed(int keptCount, int classId) {
        for (int k = 0; k < keptCount; k++) {
            if (keptClasses[k] == classId && iou(keptBoxes, 4 * k, candidateBox) > config.iouThreshold()) {
                return true;
            }
        }
        return false;
    }

    /** IoU of two {@code ymin, xmin, ymax, xmax} boxes; 0 when either is empty (as TFLite's kernel). */
    private static float iou(float[] a, int at, float[] b) {
        float areaA = (a[at + 2] - a[at]) * (a[at + 3] - a[at + 1]);
        float areaB = (b[2] - b[0]) * (b[3] - b[1]);
        if (areaA <= 0f || areaB <= 0f) {
            return 0f;
        }
        float h = Math.max(0f, Math.min(a[at + 2], b[2]) - Math.max(a[at], b[0]));
        float w = Math.max(0f, Math.min(a[at + 3], b[3]) - Math.max(a[at + 1], b[1]));
        float intersection = h * w;
        return intersection / (areaA + areaB - intersection);
    }
}
