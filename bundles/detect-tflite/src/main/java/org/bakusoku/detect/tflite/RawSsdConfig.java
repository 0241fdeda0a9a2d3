package org.bakusoku.detect.tflite;

/**
 * How to decode an SSD model that ends without the {@code TFLite_Detection_PostProcess} op: its anchors, box coder
 * scale factors, score conversion and non-maximum suppression settings, as declared in {@link DetectorManifest}.
 *
 * @param anchors        4 values per anchor, {@code y_center, x_center, height, width}, normalized 0..1 (the anchor
 *                       layout of TFLite's {@code detection_postprocess.cc}); heights and widths &gt; 0
 * @param scale          box coder scale factors {@code y, x, h, w}, non-zero; the TF Object Detection API default is
 *                       {@link #TF_OD_API_SCALE}
 * @param sigmoid        true when the scores output holds logits (score = sigmoid(logit)), false when it holds
 *                       scores already
 * @param background     true when score column 0 is the background class (TF Object Detection API layout); it is
 *                       then skipped and class {@code c} is column {@code c + 1}
 * @param iouThreshold   NMS: a box overlapping a higher-scored kept box of the same class by more than this IoU
 *                       is dropped, 0 &lt; t &le; 1
 * @param maxDetections  most detections returned per frame, 1..1000
 * @param boxesOutput    name of the box encodings output, or null to find it by shape
 * @param scoresOutput   name of the class scores output, or null to find it by shape
 */
public record RawSsdConfig(float[] anchors, float[] scale, boolean sigmoid, boolean background, float iouThreshold,
        int maxDetections, String boxesOutput, String scoresOutput) {

    /**
     * Scale factors of the TF Object Detection API's SSD configs (y 10, x 10, h 5, w 5), used by
     * {@code box_coders/faster_rcnn_box_coder.py} and TFLite's {@code detection_postprocess.cc}.
     */
    static final float[] TF_OD_API_SCALE = {10f, 10f, 5f, 5f};
    /** IoU threshold of the TF Object Detection API's SSD MobileNet configs ({@code batch_non_max_suppression}). */
    static final float DEFAULT_IOU = 0.6f;
    /** Detection slots of the TFLite SSD exports ({@code max_detections} of the post-process op). */
    static final int DEFAULT_MAX_DETECTIONS = 10;

    /**
     * @throws IllegalArgumentException naming the first invalid value
     */
    public RawSsdConfig {
        if (anchors.length == 0 || anchors.length % 4 != 0) {
            throw new IllegalArgumentException("anchors must hold 4 values per anchor");
        }
        for (int i = 0; i < anchors.length; i += 4) {
            if (!(anchors[i + 2] > 0f && anchors[i + 3] > 0f)) {
                throw new IllegalArgumentException("anchor " + i / 4 + " must have a positive height and width");
            }
        }
        if (scale.length != 4) {
            throw new IllegalArgumentException("scale must hold 4 values: y, x, h, w");
        }
        for (float s : scale) {
            if (s == 0f || !Float.isFinite(s)) {
                throw new IllegalArgumentException("scale factors must be finite and non-zero");
            }
        }
        if (!(iouThreshold > 0f && iouThreshold <= 1f)) {
            throw new IllegalArgumentException("iou_threshold must be within (0, 1], got " + iouThreshold);
        }
        if (maxDetections < 1 || maxDetections > 1000) {
            throw new IllegalArgumentException("max_detections must be 1..1000, got " + maxDetections);
        }
    }

    /** @return the number of anchors */
    public int anchorCount() {
        return anchors.length / 4;
    }
}
