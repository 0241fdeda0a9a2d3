package org.bakusoku.model.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;

import org.bakusoku.model.ModelInput;
import org.bakusoku.model.testing.Shared;
import org.junit.jupiter.api.Test;

class TfliteStructureTest {

    private static TfliteStructure parse(String model) throws StructureException {
        return TfliteStructure.parse(ByteBuffer.wrap(Shared.modelBytes(model)));
    }

    @Test
    void readsTheCocoDetector() throws Exception {
        TfliteStructure coco = parse(Shared.COCO);

        DetectorShape.check(coco);
        assertThat(coco.schemaVersion()).isEqualTo(3);
        assertThat(coco.modelInput()).isEqualTo(new ModelInput(300, 300, "UINT8"));
        assertThat(coco.postProcess()).extracting(p -> p.numClasses(), p -> p.maxDetections()).containsExactly(90, 10);
        assertThat(coco.customOps()).containsExactly(DetectorShape.POST_PROCESS_OP);
        assertThat(coco.outputs()).extracting(TfliteStructure.TensorSpec::shape)
                .containsOnly(List.of());
        assertThat(coco.postProcess().outputs()).hasSize(4);
        assertThat(coco.operators()).containsKey("CONV_2D");
        assertThat(UploadRules.labels(Shared.labelBytes(Shared.COCO), coco.postProcess().numClasses()))
                .hasSize(90).startsWith("person", "bicycle");
    }

    @Test
    void readsTheFloatInputFaceDetector() throws Exception {
        TfliteStructure face = parse(Shared.FACE);

        DetectorShape.check(face);
        assertThat(face.modelInput()).isEqualTo(new ModelInput(300, 300, "FLOAT32"));
        assertThat(face.postProcess().numClasses()).isEqualTo(1);
        assertThat(UploadRules.labels(Shared.labelBytes(Shared.FACE), 1)).containsExactly("face");
    }

    @Test
    void refusesAClassifierSayingWhatItLooksLike() throws Exception {
        TfliteStructure classifier = parse(Shared.CLASSIFIER);

        assertThatThrownBy(() -> DetectorShape.check(classifier)).isInstanceOf(StructureException.class)
                .hasMessageStartingWith("input tensor has shape [1,128,128,3] but outputs are not detection"
                        + " outputs: looks like a classification model (1 output(s): ")
                .hasMessageContaining("[1,1001] UINT8");
    }

    @Test
    void refusesRawSsdOutputsWithoutPostProcess() throws Exception {
        TfliteStructure raw = parse(Shared.RAW_SSD);

        assertThatThrownBy(() -> DetectorShape.check(raw))
                .hasMessageContaining("looks like raw SSD outputs (per-anchor boxes and scores) without the"
                        + " TFLite_Detection_PostProcess op");
    }
}
