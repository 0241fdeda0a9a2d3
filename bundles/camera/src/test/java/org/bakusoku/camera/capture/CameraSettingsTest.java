package org.bakusoku.camera.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class CameraSettingsTest {

    @Test
    void relativeUrlResolvesAgainstTheWorkingDirectory() {
        CameraSettings settings = CameraSettings.of("../shared/data/video/clip.avi", 0, true);
        assertThat(settings.path()).isEqualTo(Path.of(System.getProperty("user.dir")).getParent()
                .resolve("shared/data/video/clip.avi"));
        assertThat(settings.url()).isEqualTo("../shared/data/video/clip.avi");
    }

    @Test
    void fileUriIsAcceptedToo() {
        assertThat(CameraSettings.of("file:///var/lib/bakusoku/clip.avi", 0, true).path())
                .isEqualTo(Path.of("/var/lib/bakusoku/clip.avi"));
    }

    @Test
    void fpsMustBeZeroOrWithinRange() {
        for (double fps : new double[] { 0, 0.1, 30, 120 }) {
            assertThat(CameraSettings.of("a.avi", fps, true).fps()).isEqualTo(fps);
        }
        for (double fps : new double[] { 0.05, 120.5, -1, Double.NaN }) {
            assertThatThrownBy(() -> CameraSettings.of("a.avi", fps, true))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fps");
        }
    }

    @Test
    void emptyOrInvalidUrlIsRefusedWithTheReason() {
        assertThatThrownBy(() -> CameraSettings.of("  ", 0, true)).hasMessageContaining("url is empty");
        assertThatThrownBy(() -> CameraSettings.of("bad\0name", 0, true)).hasMessageContaining("not a file path");
    }
}
