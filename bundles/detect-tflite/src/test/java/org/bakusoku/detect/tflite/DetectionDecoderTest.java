package org.bakusoku.detect.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bakusoku.detect.Box;
import org.bakusoku.detect.Detection;
import org.junit.jupiter.api.Test;

class DetectionDecoderTest {

    private static final Labels COCO_LIKE = Labels.of(List.of("???", "person", "bicycle", "car", "???"));

    /** Four slots in the op's layout: ymin, xmin, ymax, xmax. */
    private static final float[] BOXES = {
        0.10f, 0.20f, 0.50f, 0.60f,
        -0.02f, 0.30f, 0.90f, 1.03f,
        0.00f, 0.00f, 1.00f, 1.00f,
        0.40f, 0.40f, 0.45f, 0.45f};

    @Test
    void keepsScoresAtOrAboveThresholdSortedHighestFirstWithBoxesReordered() {
        float[] classes = {0, 2, 1, 3};
        float[] scores = {0.5f, 0.9f, 0.49f, 0.7f};
        List<Detection> detections = new DetectionDecoder(COCO_LIKE).decode(BOXES, classes, scores, 4, 0.5f);
        assertThat(detections).containsExactly(
                new Detection("car", 2, 0.9f, new Box(0.30f, 0f, 1f, 0.90f)), // clipped to the frame
                new Detection("class-3", 3, 0.7f, new Box(0.40f, 0.40f, 0.45f, 0.45f)), // ??? label
                new Detection("person", 0, 0.5f, new Box(0.20f, 0.10f, 0.60f, 0.50f))); // threshold inclusive
    }

    @Test
    void ignoresSlotsBeyondCount() {
        float[] classes = {0, 1, 2, 0};
        float[] scores = {0.6f, 0.8f, 0.99f, 0.99f};
        List<Detection> detections = new DetectionDecoder(COCO_LIKE).decode(BOXES, classes, scores, 2, 0.5f);
        assertThat(detections).extracting(Detection::label).containsExactly("bicycle", "person");
        assertThat(new DetectionDecoder(COCO_LIKE).decode(BOXES, classes, scores, -1, 0f)).isEmpty();
        assertThat(new DetectionDecoder(COCO_LIKE).decode(BOXES, classes, scores, 99, 0f)).hasSize(4);
    }

    @Test
    void equalScoresKeepModelOrderAndNaNIsDropped() {
        float[] classes = {2, 0, 1, 0};
        float[] scores = {0.688f, 0.688f, Float.NaN, 0.688f};
        List<Detection> detections = new DetectionDecoder(COCO_LIKE).decode(BOXES, classes, scores, 4, 0f);
        assertThat(detections).extracting(Detection::label).containsExactly("car", "person", "person");
        assertThat(detections.get(2).box()).isEqualTo(new Box(0.40f, 0.40f, 0.45f, 0.45f));
    }

    @Test
    void labelFileWithoutBackgroundMapsClassToLine() {
        float[] classes = {0, 1, 0, 0};
        float[] scores = {0.93f, 0.8f, 0.1f, 0.1f};
        List<Detection> detections = new DetectionDecoder(Labels.of(List.of("face"))).decode(BOXES, classes, scores,
                4, 0.5f);
        assertThat(detections).extracting(Detection::label).containsExactly("face", "class-1");
    }
}
