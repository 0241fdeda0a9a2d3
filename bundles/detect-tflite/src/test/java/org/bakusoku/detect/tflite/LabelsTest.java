package org.bakusoku.detect.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void backgroundLineShiftsClassesByOne() {
        Labels labels = Labels.of(List.of("???", "person", "bicycle", "???", "car"));
        assertThat(labels.offset()).isEqualTo(1);
        assertThat(labels.label(0)).isEqualTo("person");
        assertThat(labels.label(1)).isEqualTo("bicycle");
        assertThat(labels.label(2)).isEqualTo("class-2"); // an unused id marked ???
        assertThat(labels.label(3)).isEqualTo("car");
        assertThat(labels.label(4)).isEqualTo("class-4"); // past the end
        assertThat(labels.label(-1)).isEqualTo("class--1");
    }

    @Test
    void withoutBackgroundLineClassIsLine() {
        Labels labels = Labels.of(List.of("face\r", ""));
        assertThat(labels.offset()).isZero();
        assertThat(labels.label(0)).isEqualTo("face");
        assertThat(labels.label(1)).isEqualTo("class-1"); // empty line
        assertThat(Labels.none().label(3)).isEqualTo("class-3");
    }

    @Test
    void realCocoLabelFile() throws IOException {
        Labels labels = Labels.read(SharedData.root().resolve("models/ssd_mobilenet_v1_coco_quant/labels.txt"));
        assertThat(labels.label(0)).isEqualTo("person");
        assertThat(labels.label(2)).isEqualTo("car");
        assertThat(labels.label(11)).isEqualTo("class-11"); // COCO id 12 is unused (??? in the file)
        assertThat(labels.label(12)).isEqualTo("stop sign");
        assertThat(labels.label(16)).isEqualTo("cat");
        assertThat(labels.label(17)).isEqualTo("dog");
        assertThat(labels.label(89)).isEqualTo("toothbrush");
        assertThat(labels.label(90)).isEqualTo("class-90");
    }

    @Test
    void realFaceLabelFile() throws IOException {
        Labels labels = Labels.read(SharedData.root().resolve("models/ssdlite_mobilenet_v2_face_float_input/labels.txt"));
        assertThat(labels.label(0)).isEqualTo("face");
        assertThat(labels.size()).isEqualTo(1);
    }
}
