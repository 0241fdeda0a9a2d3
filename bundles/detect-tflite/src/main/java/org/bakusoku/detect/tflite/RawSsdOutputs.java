package org.bakusoku.detect.tflite;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.bakusoku.detect.DetectorException;

/**
 * The two outputs of an SSD without the post-process op: box encodings {@code [1,N,4]} ({@code ty, tx, th, tw} per
 * anchor, the TF Object Detection API order) and class scores {@code [1,N,C]}, FLOAT32 or 8-bit quantized.
 *
 * @param boxes   index of the box encodings among the interpreter's outputs
 * @param scores  index of the class scores
 * @param anchors N, equal to the manifest's anchor count
 * @param columns C, score columns per anchor (including the background column if the manifest says so)
 * @param config  the decoding settings from the manifest
 */
public record RawSsdOutputs(int boxes, int scores, int anchors, int columns, RawSsdConfig config)
        implements OutputLayout {

    /**
     * Finds the box encodings and class scores by name (as the manifest names them) or by shape.
     *
     * @param outputs the model's outputs in interpreter order
     * @param config  the manifest's raw SSD section
     * @return the layout
     * @throws DetectorException if the outputs are not one {@code [1,N,4]} and one {@code [1,N,C]} tensor of FLOAT32,
     *                           UINT8 or INT8, or N differs from the manifest's anchor count
     */
    public static RawSsdOutputs identify(List<TensorInfo> outputs, RawSsdConfig config) throws DetectorException {
        if (outputs.size() != 2) {
            throw mismatch("expected 2 outputs (box encodings, class scores)", outputs);
        }
        for (TensorInfo t : outputs) {
            if (t.rank() != 3 || t.shape().get(0) != 1 || !readable(t)) {
                throw mismatch("expected [1,N,4] and [1,N,C] outputs of FLOAT32, UINT8 or INT8", outputs);
            }
        }
        int boxes = boxesIndex(outputs, config);
        int scores = 1 - boxes;
        TensorInfo b = outputs.get(boxes);
        TensorInfo s = outputs.get(scores);
        if (b.shape().get(2) != 4) {
            throw mismatch("box encodings '" + b.name() + "' are not [1,N,4]", outputs);
        }
        int n = b.shape().get(1);
        if (s.shape().get(1) != n) {
            throw mismatch("box encodings and scores disagree on N", outputs);
        }
        if (n != config.anchorCount()) {
            throw new DetectorException("the manifest lists " + config.anchorCount() + " anchors but the model has "
                    + n + " (" + describe(outputs) + ")");
        }
        int columns = s.shape().get(2);
        if (columns < (config.background() ? 2 : 1)) {
            throw mismatch("the scores have no class column besides the background", outputs);
        }
        return new RawSsdOutputs(boxes, scores, n, columns, config);
    }

    @Override
    public int maxDetections() {
        return config.maxDetections();
    }

    /** @return number of classes, the score columns without the background column */
    public int classes() {
        return config.background() ? columns - 1 : columns;
    }

    private static int boxesIndex(List<TensorInfo> outputs, RawSsdConfig config) throws DetectorException {
        for (String named : new String[] {config.boxesOutput(), config.scoresOutput()}) {
            if (named == null) {
                continue;
            }
            for (int i = 0; i < 2; i++) {
                if (outputs.get(i).name().equals(named)) {
                    return named.equals(config.boxesOutput()) ? i : 1 - i;
                }
            }
            throw mismatch("no output is named '" + named + "' as the manifest says", outputs);
        }
        boolean firstIsBox = outputs.get(0).shape().get(2) == 4;
        boolean secondIsBox = outputs.get(1).shape().get(2) == 4;
        if (firstIsBox != secondIsBox) {
            return firstIsBox ? 0 : 1;
        }
        // Both (or neither) end in 4: the names decide, e.g. "raw_outputs/box_encodings" vs "class_predictions".
        return looksLikeBoxes(outputs.get(1).name()) && !looksLikeBoxes(outputs.get(0).name()) ? 1 : 0;
    }

    private static boolean looksLikeBoxes(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("box") || n.contains("loc") || n.contains("regress") || n.contains("encod");
    }

    private static boolean readable(TensorInfo t) {
        return t.type() == TensorType.FLOAT32
                || (t.type() == TensorType.UINT8 || t.type() == TensorType.INT8) && t.scale() > 0f;
    }

    private static DetectorException mismatch(String what, List<TensorInfo> outputs) {
        return new DetectorException("raw SSD outputs not as declared in " + DetectorManifest.FILE_NAME + ": " + what
                + " (" + describe(outputs) + ")");
    }

    private static String describe(List<TensorInfo> outputs) {
        return outputs.size() + " output(s): "
                + outputs.stream().map(TensorInfo::describe).collect(Collectors.joining(", "));
    }
}
