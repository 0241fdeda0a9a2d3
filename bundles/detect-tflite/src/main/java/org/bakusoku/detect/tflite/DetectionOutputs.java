package org.bakusoku.detect.tflite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.bakusoku.detect.DetectorException;

/**
 * Where the four outputs of the {@code TFLite_Detection_PostProcess} custom op sit among a model's outputs.
 *
 * <p>The op (TensorFlow {@code tensorflow/lite/kernels/detection_postprocess.cc}) writes, in this order:
 * boxes {@code [1,N,4]} as {@code ymin, xmin, ymax, xmax} normalized 0..1, classes {@code [1,N]} (0-based
 * class index as float), scores {@code [1,N]} (0..1) and the number of valid detections {@code [1]}, all
 * FLOAT32. Boxes and count are told apart by shape. Classes and scores share a shape, so they are told
 * apart by name: the op names its outputs {@code B}, {@code B:1}, {@code B:2}, {@code B:3}; otherwise a name
 * containing "class" or "score" decides; otherwise the op's order (classes before scores) is assumed.
 *
 * @param boxes         index of the boxes tensor among the interpreter's outputs
 * @param classes       index of the classes tensor
 * @param scores        index of the scores tensor
 * @param count         index of the count tensor
 * @param maxDetections N, the number of detection slots, &gt; 0
 */
public record DetectionOutputs(int boxes, int classes, int scores, int count, int maxDetections)
        implements OutputLayout {

    private static final String EXPECTED = "expected the 4 FLOAT32 outputs of TFLite_Detection_PostProcess:"
            + " boxes [1,N,4], classes [1,N], scores [1,N], count [1]";

    /**
     * Identifies the detection outputs by shape and name.
     *
     * @param outputs the model's output tensors in interpreter order
     * @return the positions of boxes, classes, scores and count
     * @throws DetectorException if the outputs are not those of the post-process op; the message starts with
     *                           "outputs are not detection outputs" and guesses what kind of model it is
     */
    public static DetectionOutputs identify(List<TensorInfo> outputs) throws DetectorException {
        int boxes = -1;
        int count = -1;
        List<Integer> pairs = new ArrayList<>(2);
        for (int i = 0; i < outputs.size(); i++) {
            TensorInfo t = outputs.get(i);
            if (t.type() != TensorType.FLOAT32) {
                throw notDetection(outputs);
            } else if (t.hasShape(1, -1, 4) && boxes < 0) {
                boxes = i;
            } else if (t.hasShape(1) && count < 0) {
                count = i;
            } else if (t.hasShape(1, -1)) {
                pairs.add(i);
            } else {
                throw notDetection(outputs);
            }
        }
        if (outputs.size() != 4 || boxes < 0 || count < 0 || pairs.size() != 2) {
            throw notDetection(outputs);
        }
        int n = outputs.get(boxes).shape().get(1);
        if (n <= 0 || outputs.get(pairs.get(0)).shape().get(1) != n || outputs.get(pairs.get(1)).shape().get(1) != n) {
            throw new DetectorException("outputs are not detection outputs: boxes, classes and scores disagree on N ("
                    + describe(outputs) + ")");
        }
        boolean swapped = scoresComeFirst(outputs.get(boxes).name(), outputs.get(pairs.get(0)).name(),
                outputs.get(pairs.get(1)).name());
        int classes = swapped ? pairs.get(1) : pairs.get(0);
        int scores = swapped ? pairs.get(0) : pairs.get(1);
        return new DetectionOutputs(boxes, classes, scores, count, n);
    }

    /** True when the first of the two [1,N] outputs is the scores tensor, judged by the names only. */
    private static boolean scoresComeFirst(String boxesName, String first, String second) {
        if (first.equals(boxesName + ":2") && second.equals(boxesName + ":1")) {
            return true;
        }
        if (first.equals(boxesName + ":1") && second.equals(boxesName + ":2")) {
            return false;
        }
        String a = first.toLowerCase(Locale.ROOT);
        String b = second.toLowerCase(Locale.ROOT);
        return a.contains("score") && !b.contains("score") || b.contains("class") && !a.contains("class");
    }

    private static DetectorException notDetection(List<TensorInfo> outputs) {
        return new DetectorException("outputs are not detection outputs: " + guessKind(outputs) + " ("
                + describe(outputs) + "); " + EXPECTED);
    }

    /** A plain-words guess of what the model is, for the rejection message. */
    private static String guessKind(List<TensorInfo> outputs) {
        if (outputs.isEmpty()) {
            return "the model has no outputs";
        }
        if (outputs.size() == 1 && outputs.get(0).hasShape(1, -1)) {
            return "looks like a classification model";
        }
        boolean perAnchor = outputs.stream().allMatch(t -> t.rank() == 3 && t.shape().get(0) == 1)
                && outputs.stream().map(t -> t.shape().get(1)).distinct().count() == 1;
        if (outputs.size() >= 2 && perAnchor) {
            return "looks like raw SSD outputs (per-anchor box regressions and scores) without the"
                    + " TFLite_Detection_PostProcess op; to run it, declare its anchors in a "
                    + DetectorManifest.FILE_NAME + " beside the model (output.kind \"ssd-raw\")";
        }
        return "unknown output layout";
    }

    private static String describe(List<TensorInfo> outputs) {
        return outputs.size() + " output(s): "
                + outputs.stream().map(TensorInfo::describe).collect(Collectors.joining(", "));
    }
}
