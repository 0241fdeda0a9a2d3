package org.bakusoku.detect.tflite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.bakusoku.detect.DetectorException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the detector needs to know about a model that the {@code .tflite} file does not say, read from
 * {@value #FILE_NAME} beside the model. Every part is optional.
 *
 * <pre>
 * {
 *   "input":  {"mean": 127.5, "std": 127.5},
 *   "output": {"kind": "ssd-raw", "anchors": [[yc, xc, h, w], ...], "scale": [10, 10, 5, 5],
 *              "score": "sigmoid", "background_class": true, "iou_threshold": 0.6, "max_detections": 10,
 *              "boxes_output": "name", "scores_output": "name"}
 * }
 * </pre>
 *
 * {@code input.mean}/{@code input.std} normalize FLOAT32 and INT8 inputs and take precedence over the detector's
 * configuration. {@code output.kind = "ssd-raw"} declares an SSD without the post-process op; other kinds (e.g. the
 * repository manifests' {@code "ssd-postprocess"}) are ignored because the graph describes itself.
 *
 * @param inputMean mean subtracted from 0..255 pixel values, or null to use the configuration
 * @param inputStd  divisor after the mean, non-zero, or null to use the configuration
 * @param rawSsd    raw SSD decoding, or null for a model with the post-process op
 */
public record DetectorManifest(Float inputMean, Float inputStd, RawSsdConfig rawSsd) {

    /** File name of the manifest, looked for in the model's folder. */
    public static final String FILE_NAME = "detector.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the manifest beside a model, if there is one.
     *
     * @param model the {@code .tflite} file
     * @return the manifest, or null when the folder has no {@value #FILE_NAME}
     * @throws DetectorException if the file exists but is not valid JSON or holds an invalid value
     */
    public static DetectorManifest beside(Path model) throws DetectorException {
        Path parent = model.toAbsolutePath().getParent();
        Path file = parent == null ? Path.of(FILE_NAME) : parent.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? read(file) : null;
    }

    /**
     * @param file a manifest file
     * @return the manifest
     * @throws DetectorException naming the file and the offending field
     */
    public static DetectorManifest read(Path file) throws DetectorException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new DetectorException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return of(root);
        } catch (IllegalArgumentException e) {
            throw new DetectorException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param root the parsed JSON object
     * @return the manifest
     * @throws IllegalArgumentException naming the offending field
     */
    static DetectorManifest of(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the manifest must be a JSON object");
        }
        JsonNode input = root.path("input");
        Float mean = optionalFloat(input, "mean", "input.mean");
        Float std = optionalFloat(input, "std", "input.std");
        if (std != null && std == 0f) {
            throw new IllegalArgumentException("input.std must not be 0");
        }
        JsonNode output = root.path("output");
        String kind = output.path("kind").asText("");
        RawSsdConfig raw = kind.equals("ssd-raw") ? rawSsd(output) : null;
        return new DetectorManifest(mean, std, raw);
    }

    private static RawSsdConfig rawSsd(JsonNode output) {
        JsonNode anchors = output.path("anchors");
        if (!anchors.isArray() || anchors.isEmpty()) {
            throw new IllegalArgumentException("output.anchors must be a non-empty array of [y_center, x_center,"
                    + " height, width]");
        }
        float[] flat = new float[anchors.size() * 4];
        for (int i = 0; i < anchors.size(); i++) {
            JsonNode a = anchors.get(i);
            if (!a.isArray() || a.size() != 4) {
                throw new IllegalArgumentException("output.anchors[" + i + "] must hold 4 numbers");
            }
            for (int k = 0; k < 4; k++) {
                flat[4 * i + k] = number(a.get(k), "output.anchors[" + i + "][" + k + "]");
            }
        }
        float[] scale = RawSsdConfig.TF_OD_API_SCALE.clone();
        JsonNode scaleNode = output.path("scale");
        if (!scaleNode.isMissingNode()) {
            if (!scaleNode.isArray() || scaleNode.size() != 4) {
                throw new IllegalArgumentException("output.scale must hold 4 numbers: y, x, h, w");
            }
            for (int k = 0; k < 4; k++) {
                scale[k] = number(scaleNode.get(k), "output.scale[" + k + "]");
            }
        }
        String score = output.path("score").asText("sigmoid").toLowerCase(Locale.ROOT);
        if (!score.equals("sigmoid") && !score.equals("none")) {
            throw new IllegalArgumentException("output.score must be \"sigmoid\" or \"none\", got \"" + score + "\"");
        }
        Float iou = optionalFloat(output, "iou_threshold", "output.iou_threshold");
        JsonNode max = output.path("max_detections");
        if (!max.isMissingNode() && !max.canConvertToInt()) {
            throw new IllegalArgumentException("output.max_detections must be an integer");
        }
        return new RawSsdConfig(flat, scale, score.equals("sigmoid"), output.path("background_class").asBoolean(true),
                iou == null ? RawSsdConfig.DEFAULT_IOU : iou, max.asInt(RawSsdConfig.DEFAULT_MAX_DETECTIONS),
                text(output, "boxes_output"), text(output, "scores_output"));
    }

    private static Float optionalFloat(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        return node.isMissingNode() || node.isNull() ? null : number(node, path);
    }

    private static float number(JsonNode node, String path) {
        if (node == null || !node.isNumber() || !Float.isFinite(node.floatValue())) {
            throw new IllegalArgumentException(path + " must be a finite number");
        }
        return node.floatValue();
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
