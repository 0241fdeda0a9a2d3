package org.bakusoku.detect.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.List;

import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.PreparedInput;
import org.bakusoku.frame.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Preprocessing apart from inference, and XNNPACK on and off, on the real COCO model. */
class PreparedInputTest {

    private static final String COCO = "ssd_mobilenet_v1_coco_quant";
    private static TfliteDetector coco;
    private static Frame messi;

    private static DetectorSettings settings(String model, boolean xnnpack) {
        return new DetectorSettings(SharedData.model(model), null, null, 1, 0.5f, DetectorSettings.DEFAULT_MEAN,
                DetectorSettings.DEFAULT_STD, xnnpack);
    }

    @BeforeAll
    static void load() throws Exception {
        coco = TfliteDetector.open(settings(COCO, true));
        messi = SharedData.frame("opencv_messi5.jpg");
    }

    @AfterAll
    static void close() {
        coco.close();
    }

    @Test
    void preparedInputGivesTheSameDetectionsAsTheDirectPath() throws Exception {
        List<Detection> direct = coco.detect(messi).detections();
        PreparedInput input = new PreparedInput();
        coco.prepare(messi, input);
        assertThat(input.frame()).isSameAs(messi);
        assertThat(input.layout()).isEqualTo(coco.layout());
        DetectionResult prepared = coco.detect(input);
        assertThat(prepared.detections()).isEqualTo(direct);
        assertThat(prepared.timings().preprocessMs()).isEqualTo(input.preprocessMs());
        assertThat(prepared.frame()).isSameAs(messi);
    }

    @Test
    void theBufferIsReusedFromFrameToFrame() throws Exception {
        PreparedInput input = new PreparedInput();
        coco.prepare(messi, input);
        ByteBuffer first = input.bytes();
        assertThat(first.capacity()).isEqualTo(300 * 300 * 3);
        Frame chelsea = SharedData.frame("skimage_chelsea.png");
        coco.prepare(chelsea, input);
        assertThat(input.bytes()).isSameAs(first);
        assertThat(coco.detect(input).detections()).extracting(Detection::label).first().isEqualTo("cat");
    }

    @Test
    void anInputPreparedForAnotherModelIsEncodedAgain() throws Exception {
        PreparedInput input = new PreparedInput();
        try (TfliteDetector face = TfliteDetector.open(settings("ssdlite_mobilenet_v2_face_float_input", true))) {
            face.prepare(messi, input); // FLOAT32 layout: 1,080,000 bytes
        }
        assertThat(input.bytes().capacity()).isEqualTo(300 * 300 * 3 * 4);
        assertThat(coco.detect(input).detections()).isEqualTo(coco.detect(messi).detections());
    }

    @Test
    void xnnpackTakesPartOfTheUint8GraphAndChangesNoResult() throws Exception {
        assertThat(coco.delegation()).isEqualTo(new Delegation("XNNPACK", 14, 64, 2));
        try (TfliteDetector builtin = TfliteDetector.open(settings(COCO, false))) {
            assertThat(builtin.delegation()).isEqualTo(new Delegation("none", 0, 64, 0));
            List<Detection> withXnnpack = coco.detect(messi).detections();
            List<Detection> without = builtin.detect(messi).detections();
            assertThat(without).extracting(Detection::label)
                    .containsExactlyElementsOf(withXnnpack.stream().map(Detection::label).toList());
            for (int i = 0; i < without.size(); i++) {
                assertThat(without.get(i).score()).isCloseTo(withXnnpack.get(i).score(), within(0.02f));
            }
        }
    }
}
