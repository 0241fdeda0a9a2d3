package org.bakusoku.webconsole.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DetectionsPageTest {

    /** The repository's front-end folder, packaged into the bundle as /res (see bnd.bnd). */
    private static final Path WEB = Path.of("../../web/detections");

    @Test
    void skeletonLinksTheScriptBelowThePluginRootAndEscapesIt() {
        String html = DetectionsPage.skeleton("/system/console/detections");

        assertThat(html).contains("<script src=\"/system/console/detections/res/detections/detections.js\"></script>")
                .contains("data-api=\"/api/v1\"")
                .contains("id=\"bks-canvas\"", "id=\"bks-detections-list\"", "id=\"bks-relays\"",
                        "id=\"bks-fps\"", "id=\"bks-invoke\"", "id=\"bks-model\"");

        String hostile = DetectionsPage.skeleton("/x\"><script>alert(1)</script>");
        // Inside a quoted attribute only the quote and '<', '&' need escaping (OWASP encoder's forHtmlAttribute).
        assertThat(hostile).doesNotContain("<script>alert(1)").contains("src=\"/x&#34;>&lt;script>alert(1)&lt;/script>");
    }

    @Test
    void noConsoleTemplateVariablesInTheOutputOrAssets() throws Exception {
        // The console replaces dollar-brace sequences in plugin HTML; none may appear by accident.
        assertThat(DetectionsPage.skeleton("/system/console/detections")).doesNotContain("${");
        assertThat(Files.readString(WEB.resolve("detections.js"))).doesNotContain("${");
    }

    @Test
    void scriptWritesApiValuesAsTextNeverAsHtml() throws Exception {
        String script = Files.readString(WEB.resolve("detections.js"));

        assertThat(script).contains("textContent").contains("fillText")
                .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                .doesNotContain("document.write").doesNotContain("eval(");
        assertThat(WEB.resolve("detections.css")).isRegularFile();
    }
}
