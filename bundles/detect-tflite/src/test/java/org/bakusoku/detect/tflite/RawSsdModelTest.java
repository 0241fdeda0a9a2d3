package org.bakusoku.detect.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectorException;
import org.bakusoku.detect.PreparedInput;
import org.bakusoku.frame.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw SSD path end to end on a generated model whose outputs are known ({@link TinyRawSsdModel}): TFLite runs
 * the graph, Java decodes the anchors and runs class-aware NMS.
 */
class RawSsdModelTest {

    @TempDir
    Path dir;

    private TfliteDetector open(Path model) throws DetectorException {
        return TfliteDetector.open(new DetectorSettings(model, null, null, 1, 0.5f, 127.5f, 127.5f));
    }

    /** A 1x5 frame (one pixel per anchor row), every value 128 except row 4. */
    private static Frame frame(int row4) {
        byte[] rgb = new byte[5 * 3];
        Arrays.fill(rgb, (byte) 128);
        Arrays.fill(rgb, 12, 15, (byte) row4);
        return new Frame(1, 0, System.nanoTime(), 1, 5, rgb);
    }

    @Test
    void decodesAnchorsAndKeepsOneBoxPerClassWhereTheyOverlap() throws Exception {
        try (TfliteDetector detector = open(TinyRawSsdModel.write(dir))) {
            assertThat(detector.spec().outputs()).isInstanceOfSatisfying(RawSsdOutputs.class, raw -> {
                assertThat(raw.boxes()).isZero();
                assertThat(raw.anchors()).isEqualTo(5);
                assertThat(raw.classes()).isEqualTo(2);
            });
            assertThat(detector.layout().mean()).as("detector.json's mean wins over the settings").isEqualTo(128f);

            List<Detection> found = detector.detect(frame(128)).detections();

            // Anchor 3: centre (0.72, 0.52), size 0.3 x 0.2; anchor 0 is itself; anchor 1 ("a", IoU 0.82 with
            // anchor 0) is suppressed; anchor 2 overlaps anchor 0 as much but is class "b", so it stays.
            assertThat(found).extracting(Detection::label).containsExactly("b", "a", "b");
            assertThat(found).extracting(Detection::classId).containsExactly(1, 0, 1);
            assertThat(found.get(0).score()).isCloseTo(0.952574f, within(1e-5f));
            assertThat(found.get(1).score()).isCloseTo(0.880797f, within(1e-5f));
            assertThat(found.get(2).score()).isCloseTo(0.817574f, within(1e-5f));
            assertBox(found.get(0), 0.42f, 0.57f, 0.62f, 0.87f);
            assertBox(found.get(1), 0.15f, 0.15f, 0.35f, 0.35f);
            assertBox(found.get(2), 0.17f, 0.15f, 0.37f, 0.35f);
        }
    }

    @Test
    void thePreparedImageReachesTheModel() throws Exception {
        try (TfliteDetector detector = open(TinyRawSsdModel.write(dir))) {
            PreparedInput input = new PreparedInput();
            detector.prepare(frame(255), input);
            List<Detection> found = detector.detect(input).detections();
            // Row 4 at 255 adds (255 - 128) / 128 to anchor 4's logits: "a" rises from sigmoid(-0.5) to
            // sigmoid(0.4921875) = 0.6206, and its box (the anchor itself) overlaps the others too little to go.
            assertThat(found).extracting(Detection::label).containsExactly("b", "a", "b", "a");
            assertThat(found.get(3).score()).isCloseTo(0.620617f, within(1e-5f));
            assertBox(found.get(3), 0.25f, 0.25f, 0.75f, 0.75f);
        }
    }

    @Test
    void withoutItsManifestTheModelIsRejectedWithTheHint() throws Exception {
        Path model = TinyRawSsdModel.write(dir);
        Files.delete(dir.resolve(DetectorManifest.FILE_NAME));
        assertThatThrownBy(() -> open(model)).isInstanceOf(DetectorException.class)
                .hasMessageContaining("raw SSD outputs").hasMessageContaining(DetectorManifest.FILE_NAME);
    }

    @Test
    void aManifestWithTheWrongAnchorCountIsRejected() throws Exception {
        Path model = TinyRawSsdModel.write(dir);
        Files.writeString(dir.resolve(DetectorManifest.FILE_NAME),
                "{\"output\": {\"kind\": \"ssd-raw\", \"anchors\": [[0.5, 0.5, 1, 1]]}}");
        assertThatThrownBy(() -> open(model)).isInstanceOf(DetectorException.class)
                .hasMessageContaining("lists 1 anchors but the model has 5");
    }

    private static void assertBox(Detection d, float xmin, float ymin, float xmax, float ymax) {
        assertThat(d.box().xmin()).isCloseTo(xmin, within(1e-5f));
        assertThat(d.box().ymin()).isCloseTo(ymin, within(1e-5f));
        assertThat(d.box().xmax()).isCloseTo(xmax, within(1e-5f));
        assertThat(d.box().ymax()).isCloseTo(ymax, within(1e-5f));
    }
}
