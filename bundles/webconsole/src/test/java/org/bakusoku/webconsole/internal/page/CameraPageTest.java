package org.bakusoku.webconsole.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CameraPageTest {

    @Test
    void skeletonLinksTheScriptAndTheConfigurationEscapedAndHasNoConsoleVariables() {
        String html = CameraPage.skeleton("/system/console/camera");
        assertThat(html).contains("<script src=\"/system/console/camera/res/camera/camera.js\"></script>")
                .contains("href=\"/system/console/configMgr/org.bakusoku.camera\"")
                .contains("id=\"bks-camera-live\"").doesNotContain("${");
        assertThat(CameraPage.skeleton("/x\"><b>/camera")).doesNotContain("\"><b>");
    }
}
