package org.bakusoku.detect.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.DetectorException;
import org.junit.jupiter.api.Test;

/** Loading and validation of the other shared models: the wrong kinds, and the float-input detector. */
class TfliteModelTest {

    private static DetectorSettings settings(String model) {
        return new DetectorSettings(SharedData.model(model), null, null, 1, 0.5f, DetectorSettings.DEFAULT_MEAN,
                DetectorSettings.DEFAULT_STD);
    }

    @Test
    void classifierIsRejectedAsNotADetectionModel() {
        assertThatThrownBy(() -> TfliteModel.load(SharedData.model("mobilenet_v1_025_128_quant_imagenet"), 1))
                .isInstanceOf(DetectorException.class)
                .hasMessageContaining("is not a detection model")
                .hasMessageContaining("looks like a classification model")
                .hasMessageContaining("[1, 1001] UINT8");
    }

    @Test
    void rawAnchorModelWithoutPostProcessIsRejected() {
        assertThatThrownBy(() -> TfliteModel.load(SharedData.model("blazeface_short_range_raw"), 1))
                .isInstanceOf(DetectorException.class)
                .hasMessageContaining("is not a detection model")
                .hasMessageContaining("raw SSD outputs");
    }

    @Test
    void missingOrInvalidFilesAreRejectedWithTheReason() {
        Path missing = SharedData.root().resolve("models/no_such_model/model.tflite");
        assertThatThrownBy(() -> TfliteModel.load(missing, 1)).isInstanceOf(DetectorException.class)
                .hasMessageContaining("model file not found");
        Path labels = SharedData.root().resolve("models/ssd_mobilenet_v1_coco_quant/labels.txt");
        assertThatThrownBy(() -> TfliteModel.load(labels, 1)).isInstanceOf(DetectorException.class)
                .hasMessageContaining("not a TFLite model");
    }

    @Test
    void floatInputFaceModelRunsThroughTheFloatPath() throws Exception {
        try (TfliteDetector detector = TfliteDetector.open(settings("ssdlite_mobilenet_v2_face_float_input"))) {
            assertThat(detector.spec().input().type()).isEqualTo(TensorType.FLOAT32);
            DetectionResult result = detector.detect(SharedData.frame("skimage_astronaut.png"));
            List<Detection> faces = result.detections();
            // SOURCE.md: face 0.988 at [ymin 0.102, xmin 0.357, ymax 0.354, xmax 0.518]; the next one is 0.121.
            assertThat(faces).hasSize(1);
            Detection face = faces.get(0);
            assertThat(face.label()).isEqualTo("face");
            assertThat(face.score()).isGreaterThan(0.95f);
            assertThat(face.box().xmin()).isBetween(0.33f, 0.38f);
            assertThat(face.box().ymin()).isBetween(0.08f, 0.13f);
            assertThat(face.box().xmax()).isBetween(0.49f, 0.54f);
            assertThat(face.box().ymax()).isBetween(0.33f, 0.38f);
        }
    }

    @Test
    void closedModelRefusesToRun() throws Exception {
        TfliteDetector detector = TfliteDetector.open(settings("ssdlite_mobilenet_v2_face_float_input"));
        detector.close();
        detector.close();
        assertThatThrownBy(() -> detector.detect(SharedData.frame("skimage_chelsea.png")))
                .isInstanceOf(DetectorException.class).hasMessageContaining("closed");
    }
}
