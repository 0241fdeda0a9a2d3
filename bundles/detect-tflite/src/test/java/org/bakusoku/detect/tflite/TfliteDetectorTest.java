package org.bakusoku.detect.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.DetectorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Real photos through the real COCO SSD model (loaded once for the class). */
class TfliteDetectorTest {

    private static final Logger LOG = LoggerFactory.getLogger(TfliteDetectorTest.class);
    private static final String COCO = "ssd_mobilenet_v1_coco_quant";

    private static TfliteDetector detector;

    @BeforeAll
    static void load() throws DetectorException {
        detector = TfliteDetector.open(new DetectorSettings(SharedData.model(COCO), null, null, 0, 0.5f,
                DetectorSettings.DEFAULT_MEAN, DetectorSettings.DEFAULT_STD));
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    private static DetectionResult detect(String image) throws IOException, DetectorException {
        DetectionResult result = detector.detect(SharedData.frame(image));
        LOG.info("{}: invoke {} ms, preprocess {} ms, total {} ms, {}", image,
                String.format("%.1f", result.timings().invokeMs()), String.format("%.1f", result.timings().preprocessMs()),
                String.format("%.1f", result.timings().totalMs()), result.detections());
        return result;
    }

    @Test
    void identifiesTheModelBySha256AndFolderName() {
        assertThat(detector.model().name()).isEqualTo(COCO);
        // The sha256 recorded in the model's SOURCE.md.
        assertThat(detector.model().sha256()).isEqualTo("e4b118e5e4531945de2e659742c7c590f7536f8d0ed26d135abcfe83b4779d13");
        assertThat(detector.model().id()).isEqualTo("e4b118e5e453");
        assertThat(detector.spec().input()).isEqualTo(new InputSpec(300, 300, TensorType.UINT8, 0.0078125f, 128));
        assertThat(detector.spec().outputs().maxDetections()).isEqualTo(10);
    }

    @Test
    void findsThePlayerInMessi() throws Exception {
        DetectionResult result = detect("opencv_messi5.jpg");
        Detection top = result.detections().get(0);
        assertThat(top.label()).isEqualTo("person");
        assertThat(top.classId()).isZero();
        assertThat(top.score()).isGreaterThanOrEqualTo(0.7f);
        // The player (548x342 photo) spans from his raised left hand near x=70 px to his right boot near
        // x=455 px, and from his hair near y=60 px to his boots near y=335 px: centre about (0.48, 0.58).
        assertThat(top.box().centerX()).isBetween(0.40f, 0.56f);
        assertThat(top.box().centerY()).isBetween(0.50f, 0.66f);
        assertThat(top.box().xmax() - top.box().xmin()).isBetween(0.55f, 0.85f);
        assertThat(top.box().ymax() - top.box().ymin()).isBetween(0.65f, 0.90f);
        assertThat(result.model()).isEqualTo(detector.model());
        assertThat(result.timings().totalMs()).isGreaterThanOrEqualTo(result.timings().invokeMs());
    }

    @Test
    void findsTheCatInChelsea() throws Exception {
        List<Detection> detections = detect("skimage_chelsea.png").detections();
        assertThat(detections).isNotEmpty();
        assertThat(detections.get(0).label()).isEqualTo("cat");
        assertThat(detections.get(0).classId()).isEqualTo(16);
    }

    @Test
    void findsNothingInStarryNight() throws Exception {
        assertThat(detect("opencv_starry_night.jpg").detections()).isEmpty();
    }

    @Test
    void lowerThresholdReturnsMoreDetectionsInScoreOrder() throws Exception {
        float before = detector.scoreThreshold();
        try {
            detector.scoreThreshold(0.3f);
            List<Detection> detections = detect("opencv_starry_night.jpg").detections();
            // SOURCE.md: the top score on the painting is a suitcase at about 0.41.
            assertThat(detections).isNotEmpty().allSatisfy(d -> assertThat(d.score()).isBetween(0.3f, 0.5f));
            assertThat(detections).extracting(Detection::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        } finally {
            detector.scoreThreshold(before);
        }
    }
}
