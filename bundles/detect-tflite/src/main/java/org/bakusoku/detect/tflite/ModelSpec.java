package org.bakusoku.detect.tflite;

import java.util.Collection;
import java.util.List;

import org.bakusoku.detect.DetectorException;

/**
 * What a loaded detection model looks like from the outside: its image input and where its detection outputs are.
 *
 * @param input   the image input
 * @param outputs the post-process op's four outputs, or raw SSD outputs decoded in Java
 */
public record ModelSpec(InputSpec input, OutputLayout outputs) {

    /** Name of the TFLite custom op that turns SSD anchors into final detections (with NMS). */
    public static final String POST_PROCESS_OP = "TFLite_Detection_PostProcess";

    /**
     * Validates a model with the post-process op from its tensors and operators, without a manifest.
     *
     * @param inputs    input tensors in interpreter order
     * @param outputs   output tensors in interpreter order
     * @param customOps names of the custom operators in the graph
     * @return the spec
     * @throws DetectorException with a plain reason if this is not a supported detection model
     */
    public static ModelSpec of(List<TensorInfo> inputs, List<TensorInfo> outputs, Collection<String> customOps)
            throws DetectorException {
        return of(inputs, outputs, customOps, null);
    }

    /**
     * Validates a model from its tensors and operators. Loading is not validation (a classifier loads and runs
     * too), so this checks the input, then the outputs, then the op list. A manifest that declares raw SSD outputs
     * makes the outputs be read that way; otherwise the graph must end in {@value #POST_PROCESS_OP}.
     *
     * @param inputs    input tensors in interpreter order
     * @param outputs   output tensors in interpreter order
     * @param customOps names of the custom operators in the graph
     * @param manifest  the model's manifest, or null
     * @return the spec
     * @throws DetectorException with a plain reason if this is not a supported detection model
     */
    public static ModelSpec of(List<TensorInfo> inputs, List<TensorInfo> outputs, Collection<String> customOps,
            DetectorManifest manifest) throws DetectorException {
        if (inputs.size() != 1) {
            throw new DetectorException("a detection model has one image input, this one has " + inputs.size());
        }
        InputSpec input = InputSpec.of(inputs.get(0));
        if (manifest != null && manifest.rawSsd() != null) {
            if (customOps.contains(POST_PROCESS_OP)) {
                throw new DetectorException(DetectorManifest.FILE_NAME + " declares raw SSD outputs but the graph"
                        + " ends in " + POST_PROCESS_OP + "; remove its \"output\" section");
            }
            return new ModelSpec(input, RawSsdOutputs.identify(outputs, manifest.rawSsd()));
        }
        DetectionOutputs detectionOutputs = DetectionOutputs.identify(outputs);
        if (!customOps.contains(POST_PROCESS_OP)) {
            throw new DetectorException("outputs look like detections but the graph has no " + POST_PROCESS_OP
                    + " op (custom ops: " + customOps + ")");
        }
        return new ModelSpec(input, detectionOutputs);
    }
}
