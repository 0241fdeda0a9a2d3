package org.bakusoku.model.check;

import java.nio.ByteBuffer;
import java.util.List;

import org.bakusoku.model.check.TfliteStructure.PostProcessOptions;

import com.google.flatbuffers.FlexBuffers;

/**
 * Reads the custom options of {@code TFLite_Detection_PostProcess}: a FlexBuffers map whose keys are read by the
 * kernel's {@code Init} ({@code tensorflow/lite/kernels/detection_postprocess.cc}): {@code max_detections},
 * {@code num_classes}, {@code max_classes_per_detection}, {@code nms_score_threshold}, ...
 */
final class PostProcessParser {

    private PostProcessParser() {
    }

    /**
     * @param options the operator's custom options, or null
     * @param outputs the operator's output tensor indexes
     * @return the class and detection counts
     * @throws StructureException if the options are missing or unreadable, or the counts are not positive
     */
    static PostProcessOptions parse(ByteBuffer options, List<Integer> outputs) throws StructureException {
        if (options == null || options.remaining() < 3) {
            throw new StructureException(DetectorShape.POST_PROCESS_OP + " has no options (num_classes,"
                    + " max_detections): the model is incomplete");
        }
        int numClasses;
        int maxDetections;
        try {
            // getRoot reads a heap buffer's backing array from index 0: hand it a copy that starts there.
            byte[] bytes = new byte[options.remaining()];
            options.duplicate().get(bytes);
            FlexBuffers.Map map = FlexBuffers.getRoot(ByteBuffer.wrap(bytes)).asMap();
            numClasses = map.get("num_classes").asInt();
            maxDetections = map.get("max_detections").asInt();
        } catch (RuntimeException e) {
            throw new StructureException("the options of " + DetectorShape.POST_PROCESS_OP + " cannot be read ("
                    + e.getClass().getSimpleName() + "): the file is corrupt");
        }
        if (numClasses <= 0 || maxDetections <= 0) {
            throw new StructureException(DetectorShape.POST_PROCESS_OP + " declares num_classes=" + numClasses
                    + " and max_detections=" + maxDetections + "; both must be positive");
        }
        if (outputs.size() != 4) {
            throw new StructureException(DetectorShape.POST_PROCESS_OP + " has " + outputs.size() + " outputs instead of"
                    + " 4 (boxes, classes, scores, count): the model is corrupt");
        }
        return new PostProcessOptions(numClasses, maxDetections, List.copyOf(outputs));
    }
}
