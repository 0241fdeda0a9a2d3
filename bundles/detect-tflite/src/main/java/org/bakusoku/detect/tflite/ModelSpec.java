package org.bakusoku.detect.tflite;

import java.util.Collection;
import java.util.List;

import org.bakusoku.detect.DetectorException;

/**
 * What a loaded detection model looks like from the outside: its image input and where its detection outputs are.
 *
 * @param input   the image input
 * @param outputs positions of boxes, classes, scores and count among the outputs
 */
public record ModelSpec(InputSpec input, DetectionOutputs outputs) {

    /** Name of the TFLite custom op that turns SSD anchors into final detections (with NMS). */
    public static final String POST_PROCESS_OP = "TFLite_Detection_PostProcess";

    /**
     * Validates a model from its tensors and operators. Loading is not validation (a classifier loads and runs
     * too), so this checks the input, then the outputs, then the op list.
     *
     * @param inputs    input tensors in interpreter order
     * @param outputs   output tensors in interpreter order
     * @param customOps names of the custom operators in the graph
     * @return the spec
     * @throws DetectorException with a plain reason if this is not a supported detection model
     */
    public static ModelSpec of(List<TensorInfo> inputs, List<TensorInfo> outputs, Collection<String> customOps)
            throws DetectorException {
        if (inputs.size() != 1) {
            throw new DetectorException("a detection model has one image input, this one has " + inputs.size());
        }
        InputSpec input = InputSpec.of(inputs.get(0));
        DetectionOutputs detectionOutputs = DetectionOutputs.identify(outputs);
        if (!customOps.contains(POST_PROCESS_OP)) {
            throw new DetectorException("outputs look like detections but the graph has no " + POST_PROCESS_OP
                    + " op (custom ops: " + customOps + ")");
        }
        return new ModelSpec(input, detectionOutputs);
    }
}
