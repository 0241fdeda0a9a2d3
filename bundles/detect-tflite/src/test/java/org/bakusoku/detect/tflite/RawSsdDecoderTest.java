package org.bakusoku.detect.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.bakusoku.detect.Detection;
import org.junit.jupiter.api.Test;

/** Box decoding, score conversion and class-aware NMS on hand-made outputs (no model). */
class RawSsdDecoderTest {

    /** Three far-apart unit anchors of size 0.1 and one that overlaps anchor 0 exactly. */
    private static final float[] ANCHORS = {
        0.1f, 0.1f, 0.1f, 0.1f,
        0.5f, 0.5f, 0.1f, 0.1f,
        0.9f, 0.9f, 0.1f, 0.1f,
        0.1f, 0.1f, 0.1f, 0.1f};
    private static final float[] ZERO_ENCODINGS = new float[16];

    private static RawSsdDecoder decoder(boolean sigmoid, boolean background, int columns, int max) {
        RawSsdConfig config = new RawSsdConfig(ANCHORS, RawSsdConfig.TF_OD_API_SCALE.clone(), sigmoid, background,
                0.5f, max, null, null);
        return new RawSsdDecoder(new RawSsdOutputs(0, 1, 4, columns, config), Labels.of(List.of("x", "y")));
    }

    @Test
    void scoresAsIsWithoutBackgroundHighestFirstUpToTheMaximum() {
        float[] scores = {
            0.6f, 0.1f,
            0.9f, 0.2f,
            0.7f, 0.8f,
            0.0f, 0.0f};
        List<Detection> top2 = decoder(false, false, 2, 2).decode(ZERO_ENCODINGS, scores, 0.5f);
        assertThat(top2).extracting(Detection::score).containsExactly(0.9f, 0.8f);
        assertThat(top2).extracting(Detection::label).containsExactly("x", "y");
        List<Detection> all = decoder(false, false, 2, 10).decode(ZERO_ENCODINGS, scores, 0.6f);
        assertThat(all).extracting(Detection::score).as("threshold inclusive").containsExactly(0.9f, 0.8f, 0.7f, 0.6f);
    }

    @Test
    void backgroundColumnIsSkippedAndClassesShiftByOne() {
        float[] logits = {
            9f, -9f, 2f,
            9f, -9f, -9f,
            9f, 3f, -9f,
            9f, -9f, -9f};
        List<Detection> found = decoder(true, true, 3, 10).decode(ZERO_ENCODINGS, logits, 0.5f);
        assertThat(found).extracting(Detection::classId).containsExactly(0, 1);
        assertThat(found.get(0).score()).isCloseTo((float) (1 / (1 + Math.exp(-3))), within(1e-6f));
        // Anchor 2 decodes to itself: centre (0.9, 0.9), size 0.1.
        assertThat(found.get(0).box().xmin()).isCloseTo(0.85f, within(1e-6f));
        assertThat(found.get(0).box().ymax()).isCloseTo(0.95f, within(1e-6f));
    }

    @Test
    void overlapSuppressesOnlyWithinAClassAndEqualScoresKeepAnchorOrder() {
        float[] scores = {
            0.8f, 0.0f,
            0.0f, 0.0f,
            0.0f, 0.0f,
            0.8f, 0.7f}; // anchor 3 = anchor 0's box: "x" suppressed (same score, later anchor), "y" kept
        List<Detection> found = decoder(false, false, 2, 10).decode(ZERO_ENCODINGS, scores, 0.5f);
        assertThat(found).hasSize(2);
        assertThat(found.get(0).label()).isEqualTo("x");
        assertThat(found.get(1).label()).isEqualTo("y");
        assertThat(found.get(1).box()).isEqualTo(found.get(0).box());
    }

    @Test
    void centerSizeCoderMovesAndScalesTheAnchor() {
        // Anchor 1 (0.5, 0.5, 0.1, 0.1) with ty 5, tx -5, th 5 ln 2, tw -5 ln 2: centre (0.55, 0.45), size 0.2 x 0.05.
        float[] encodings = new float[16];
        encodings[4] = 5f;
        encodings[5] = -5f;
        encodings[6] = (float) (5 * Math.log(2));
        encodings[7] = (float) (-5 * Math.log(2));
        float[] scores = {0, 0, 0.9f, 0, 0, 0, 0, 0};
        Detection d = decoder(false, false, 2, 10).decode(encodings, scores, 0.5f).get(0);
        assertThat(d.box().ymin()).isCloseTo(0.45f, within(1e-6f));
        assertThat(d.box().ymax()).isCloseTo(0.65f, within(1e-6f));
        assertThat(d.box().xmin()).isCloseTo(0.425f, within(1e-6f));
        assertThat(d.box().xmax()).isCloseTo(0.475f, within(1e-6f));
    }

    @Test
    void invalidSettingsAreRejected() {
        float[] scale = RawSsdConfig.TF_OD_API_SCALE.clone();
        assertThatThrownBy(() -> new RawSsdConfig(new float[] {0.5f, 0.5f, 0f, 0.1f}, scale, true, true, 0.5f, 10,
                null, null)).hasMessageContaining("positive height and width");
        assertThatThrownBy(() -> new RawSsdConfig(ANCHORS, scale, true, true, 0f, 10, null, null))
                .hasMessageContaining("iou_threshold");
        assertThatThrownBy(() -> new RawSsdConfig(ANCHORS, new float[] {10, 10, 0, 5}, true, true, 0.5f, 10, null,
                null)).hasMessageContaining("non-zero");
    }
}
