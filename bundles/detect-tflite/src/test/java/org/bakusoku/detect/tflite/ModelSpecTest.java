package org.bakusoku.detect.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.bakusoku.detect.DetectorException;
import org.junit.jupiter.api.Test;

/** Validation of a model's tensors, with tensor lists as TFLite reports them for the shared models. */
class ModelSpecTest {

    private static final String PP = "TFLite_Detection_PostProcess";
    private static final TensorInfo COCO_INPUT = new TensorInfo("normalized_input_image_tensor",
            List.of(1, 300, 300, 3), TensorType.UINT8, 0.0078125f, 128);
    private static final TensorInfo BOXES = TensorInfo.of(PP, TensorType.FLOAT32, 1, 10, 4);
    private static final TensorInfo CLASSES = TensorInfo.of(PP + ":1", TensorType.FLOAT32, 1, 10);
    private static final TensorInfo SCORES = TensorInfo.of(PP + ":2", TensorType.FLOAT32, 1, 10);
    private static final TensorInfo COUNT = TensorInfo.of(PP + ":3", TensorType.FLOAT32, 1);

    @Test
    void postProcessOutputsInOpOrder() throws DetectorException {
        ModelSpec spec = ModelSpec.of(List.of(COCO_INPUT), List.of(BOXES, CLASSES, SCORES, COUNT), Set.of(PP));
        assertThat(spec.input()).isEqualTo(new InputSpec(300, 300, TensorType.UINT8, 0.0078125f, 128));
        assertThat(spec.outputs()).isEqualTo(new DetectionOutputs(0, 1, 2, 3, 10));
    }

    @Test
    void outputsIdentifiedByShapeAndNameNotPosition() throws DetectorException {
        DetectionOutputs byName = DetectionOutputs.identify(List.of(COUNT, SCORES, BOXES, CLASSES));
        assertThat(byName).isEqualTo(new DetectionOutputs(2, 3, 1, 0, 10));
        DetectionOutputs byWords = DetectionOutputs.identify(List.of(
                TensorInfo.of("detection_scores", TensorType.FLOAT32, 1, 25),
                TensorInfo.of("detection_boxes", TensorType.FLOAT32, 1, 25, 4),
                TensorInfo.of("num_detections", TensorType.FLOAT32, 1),
                TensorInfo.of("detection_classes", TensorType.FLOAT32, 1, 25)));
        assertThat(byWords).isEqualTo(new DetectionOutputs(1, 3, 0, 2, 25));
    }

    @Test
    void classifierIsRejectedAsClassificationModel() {
        TensorInfo probabilities = new TensorInfo("MobilenetV1/Predictions/Reshape_1", List.of(1, 1001),
                TensorType.UINT8, 0.00390625f, 0);
        assertThatThrownBy(() -> ModelSpec.of(List.of(COCO_INPUT), List.of(probabilities), Set.of()))
                .isInstanceOf(DetectorException.class)
                .hasMessageStartingWith("outputs are not detection outputs: looks like a classification model")
                .hasMessageContaining("[1, 1001] UINT8");
    }

    @Test
    void rawAnchorOutputsAreRejectedAsMissingThePostProcessOp() {
        List<TensorInfo> raw = List.of(TensorInfo.of("regressors", TensorType.FLOAT32, 1, 896, 16),
                TensorInfo.of("classificators", TensorType.FLOAT32, 1, 896, 1));
        assertThatThrownBy(() -> DetectionOutputs.identify(raw)).isInstanceOf(DetectorException.class)
                .hasMessageContaining("raw SSD outputs").hasMessageContaining("without the " + PP + " op");
    }

    @Test
    void rightShapesWithoutThePostProcessOpAreRejected() {
        assertThatThrownBy(() -> ModelSpec.of(List.of(COCO_INPUT), List.of(BOXES, CLASSES, SCORES, COUNT),
                Set.of("TfLiteXNNPackDelegate"))).isInstanceOf(DetectorException.class)
                .hasMessageContaining("no " + PP + " op");
    }

    @Test
    void inconsistentOrWrongTypedOutputsAreRejected() {
        assertThatThrownBy(() -> DetectionOutputs.identify(List.of(BOXES, CLASSES,
                TensorInfo.of(PP + ":2", TensorType.FLOAT32, 1, 7), COUNT)))
                .isInstanceOf(DetectorException.class).hasMessageContaining("disagree on N");
        assertThatThrownBy(() -> DetectionOutputs.identify(List.of(BOXES, CLASSES,
                TensorInfo.of(PP + ":2", TensorType.UINT8, 1, 10), COUNT)))
                .isInstanceOf(DetectorException.class).hasMessageContaining("outputs are not detection outputs");
    }

    @Test
    void inputMustBeOneRgbImageOfASupportedType() {
        List<TensorInfo> outputs = List.of(BOXES, CLASSES, SCORES, COUNT);
        assertThatThrownBy(() -> ModelSpec.of(List.of(TensorInfo.of("gray", TensorType.UINT8, 1, 300, 300, 1)),
                outputs, Set.of(PP))).hasMessageContaining("not an RGB image tensor [1,H,W,3]");
        assertThatThrownBy(() -> ModelSpec.of(List.of(TensorInfo.of("x", TensorType.INT16, 1, 300, 300, 3)),
                outputs, Set.of(PP))).hasMessageContaining("INT16 is not supported");
        assertThatThrownBy(() -> ModelSpec.of(List.of(TensorInfo.of("x", TensorType.INT8, 1, 300, 300, 3)),
                outputs, Set.of(PP))).hasMessageContaining("no quantization scale");
        assertThatThrownBy(() -> ModelSpec.of(List.of(COCO_INPUT, COCO_INPUT), outputs, Set.of(PP)))
                .hasMessageContaining("has 2");
    }
}
