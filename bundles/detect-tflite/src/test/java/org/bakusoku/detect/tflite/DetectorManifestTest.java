package org.bakusoku.detect.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bakusoku.detect.DetectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorManifestTest {

    @TempDir
    Path dir;

    private DetectorManifest read(String json) throws Exception {
        Files.writeString(dir.resolve(DetectorManifest.FILE_NAME), json);
        return DetectorManifest.beside(dir.resolve("model.tflite"));
    }

    @Test
    void absentManifestMeansNone() throws Exception {
        assertThat(DetectorManifest.beside(dir.resolve("model.tflite"))).isNull();
    }

    @Test
    void defaultsFollowTheTfObjectDetectionApi() throws Exception {
        DetectorManifest m = read("{\"output\": {\"kind\": \"ssd-raw\", \"anchors\": [[0.5, 0.5, 0.2, 0.3]]}}");
        assertThat(m.inputMean()).isNull();
        RawSsdConfig raw = m.rawSsd();
        assertThat(raw.anchorCount()).isEqualTo(1);
        assertThat(raw.anchors()).containsExactly(0.5f, 0.5f, 0.2f, 0.3f);
        assertThat(raw.scale()).containsExactly(10f, 10f, 5f, 5f);
        assertThat(raw.sigmoid()).isTrue();
        assertThat(raw.background()).isTrue();
        assertThat(raw.iouThreshold()).isEqualTo(0.6f);
        assertThat(raw.maxDetections()).isEqualTo(10);
    }

    @Test
    void inputNormalizationAloneAndPostProcessManifestsNeedNoAnchors() throws Exception {
        DetectorManifest m = read("{\"input\": {\"mean\": 0, \"std\": 255}, \"output\": {\"kind\": \"ssd-postprocess\"}}");
        assertThat(m.inputMean()).isZero();
        assertThat(m.inputStd()).isEqualTo(255f);
        assertThat(m.rawSsd()).isNull();
    }

    @Test
    void badValuesNameTheFieldAndTheFile() {
        assertThatThrownBy(() -> read("{\"input\": {\"std\": 0}}")).isInstanceOf(DetectorException.class)
                .hasMessageContaining(DetectorManifest.FILE_NAME).hasMessageContaining("input.std must not be 0");
        assertThatThrownBy(() -> read("{\"output\": {\"kind\": \"ssd-raw\", \"anchors\": [[0.5, 0.5, 0.2]]}}"))
                .hasMessageContaining("output.anchors[0] must hold 4 numbers");
        assertThatThrownBy(() -> read("{\"output\": {\"kind\": \"ssd-raw\", \"anchors\": [[0.5, 0.5, 0.2, 0.2]],"
                + " \"score\": \"softmax\"}}")).hasMessageContaining("output.score");
        assertThatThrownBy(() -> read("{\"input\": ")).isInstanceOf(DetectorException.class)
                .hasMessageContaining("cannot read");
    }
}
