package org.bakusoku.model.check;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bakusoku.model.check.TfliteStructure.TensorSpec;

/**
 * Decides from a model's structure whether the detector can run it, before any native code touches the file.
 *
 * <p>The rules are those of the detector bundle ({@code org.bakusoku.detect.tflite.ModelSpec}), restated on the
 * flatbuffer so that a refusal comes in seconds and in plain words; the child JVM then loads the model with the
 * detector's own code, which has the last word. A detector model has:
 * <ul>
 * <li>one image input {@code [1,H,W,3]} of UINT8, INT8 or FLOAT32;</li>
 * <li>no custom operator other than {@value #POST_PROCESS_OP} (the only one the built-in op resolver of the TFLite
 * 2.18 build registers);</li>
 * <li>the four FLOAT32 outputs of that op: boxes {@code [1,N,4]}, classes {@code [1,N]}, scores {@code [1,N]}, count
 * {@code [1]}.</li>
 * </ul>
 */
public final class DetectorShape {

    /** Name of the TFLite custom op that turns SSD anchors into final detections (with NMS). */
    public static final String POST_PROCESS_OP = "TFLite_Detection_PostProcess";
    /** Custom ops the runtime's TFLite build provides through {@code BuiltinOpResolver}. */
    static final Set<String> KNOWN_CUSTOM_OPS = Set.of(POST_PROCESS_OP);
    /** Image sides above this are refused: the detector would spend seconds per frame (and memory) on them. */
    static final int MAX_SIDE = 4096;
    private static final Set<String> INPUT_TYPES = Set.of("UINT8", "INT8", "FLOAT32");

    private static final String EXPECTED = "expected the 4 FLOAT32 outputs of " + POST_PROCESS_OP
            + ": boxes [1,N,4], classes [1,N], scores [1,N], count [1]";

    /** The output kind written into manifests. */
    public static final String OUTPUT_KIND = POST_PROCESS_OP + " (boxes, classes, scores, count)";

    private DetectorShape() {
    }

    /**
     * @param model a parsed model
     * @throws StructureException with the reason if the detector cannot run it
     */
    public static void check(TfliteStructure model) throws StructureException {
        if (model.inputs().size() != 1) {
            throw new StructureException("a detection model has one image input, this one has "
                    + model.inputs().size() + (model.inputs().isEmpty() ? "" : ": " + describe("input(s)", model.inputs())));
        }
        TensorSpec input = model.inputs().get(0);
        if (!input.hasShape(1, -1, -1, 3) || input.shape().get(1) <= 0 || input.shape().get(2) <= 0) {
            throw new StructureException("input tensor has shape " + input.shapeText() + " but the detector needs an RGB"
                    + " image [1,H,W,3]");
        }
        if (input.shape().get(1) > MAX_SIDE || input.shape().get(2) > MAX_SIDE) {
            throw new StructureException("input tensor has shape " + input.shapeText() + ": larger than " + MAX_SIDE
                    + " pixels per side, too slow for this device");
        }
        if (!INPUT_TYPES.contains(input.type())) {
            throw new StructureException("input tensor has type " + input.type() + "; the detector feeds UINT8, INT8"
                    + " or FLOAT32");
        }
        for (String op : model.customOps()) {
            if (!KNOWN_CUSTOM_OPS.contains(op)) {
                throw new StructureException("the model uses the custom operator '" + op + "', which this appliance's"
                        + " TensorFlow Lite 2.18 does not have (it provides only " + POST_PROCESS_OP + ")");
            }
        }
        String outputs = outputProblem(model);
        if (outputs != null) {
            throw new StructureException("input tensor has shape " + input.shapeText() + " but outputs are not detection"
                    + " outputs: " + outputs);
        }
    }

    /**
     * The post-process op's outputs get their shapes when the graph is prepared, so the flatbuffer stores them
     * without one (or with the final one): they are recognised as the op's own four output tensors.
     *
     * @return null when the graph's outputs are those of the post-process op, else what is wrong in plain words
     */
    private static String outputProblem(TfliteStructure model) {
        List<TensorSpec> outputs = model.outputs();
        TfliteStructure.PostProcessOptions post = model.postProcess();
        if (post == null) {
            boolean detectionLike = outputs.size() == 4 && outputs.stream().anyMatch(t -> t.hasShape(1, -1, 4));
            return detectionLike ? "the graph has no " + POST_PROCESS_OP + " operator (" + describe("output(s)",
                    outputs) + ")" : guessKind(outputs) + " (" + describe("output(s)", outputs) + "); " + EXPECTED;
        }
        List<Integer> graphOutputs = outputs.stream().map(TensorSpec::index).sorted().toList();
        if (!graphOutputs.equals(post.outputs().stream().sorted().toList())) {
            return "the graph's outputs are not the four outputs of its " + POST_PROCESS_OP + " operator ("
                    + describe("output(s)", outputs) + ")";
        }
        int n = post.maxDetections();
        int[][] expected = {{1, n, 4}, {1, n}, {1, n}, {1}};
        for (TensorSpec t : outputs) {
            int[] shape = expected[post.outputs().indexOf(t.index())];
            if (!t.type().equals("FLOAT32") || !(t.shape().isEmpty() || t.hasShape(shape))) {
                return "output " + t.describe() + " of " + POST_PROCESS_OP + " should be FLOAT32 "
                        + java.util.Arrays.toString(shape) + " (max_detections=" + n + ")";
            }
        }
        return null;
    }

    /** A plain-words guess of what the model is, for the refusal. */
    private static String guessKind(List<TensorSpec> outputs) {
        if (outputs.isEmpty()) {
            return "the model has no outputs";
        }
        if (outputs.size() == 1 && outputs.get(0).hasShape(1, -1)) {
            return "looks like a classification model";
        }
        boolean perAnchor = outputs.stream().allMatch(t -> t.shape().size() == 3 && t.shape().get(0) == 1)
                && outputs.stream().map(t -> t.shape().get(1)).distinct().count() == 1;
        if (outputs.size() >= 2 && perAnchor) {
            return "looks like raw SSD outputs (per-anchor boxes and scores) without the " + POST_PROCESS_OP + " op";
        }
        if (outputs.size() == 1 && outputs.get(0).shape().size() == 4) {
            return "looks like a segmentation or feature-map model";
        }
        return "unknown output layout";
    }

    private static String describe(String what, List<TensorSpec> tensors) {
        return tensors.size() + " " + what + ": "
                + tensors.stream().map(TensorSpec::describe).collect(Collectors.joining(", "));
    }
}
