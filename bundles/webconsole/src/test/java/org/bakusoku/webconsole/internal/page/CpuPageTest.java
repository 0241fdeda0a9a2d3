package org.bakusoku.webconsole.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class CpuPageTest {

    /** The repository's front-end folder, packaged into the bundle as /res (see bnd.bnd). */
    private static final Path WEB = Path.of("../../web/cpu");

    @Test
    void skeletonHasEveryPartOfThePageAndEscapesThePluginRoot() {
        String html = CpuPage.skeleton("/system/console/cpu");

        assertThat(html).contains("<script src=\"/system/console/cpu/res/cpu/cpu.js\"></script>")
                .contains("data-api=\"/api/v1\"")
                .contains("id=\"bks-cpu-chart\"", "id=\"bks-cpu-governor\"", "id=\"bks-cpu-governor-set\"",
                        "id=\"bks-cpu-now\"", "id=\"bks-cpu-since\"", "id=\"bks-cpu-profiles\"", "id=\"bks-cpu-try\"",
                        "id=\"bks-cpu-tryboot\"", "id=\"bks-cpu-boot\"", "id=\"bks-cpu-unavailable\"")
                .contains("Try it (reboot)").contains("warranty bit");
        assertThat(CpuPage.skeleton("/x\"><script>alert(1)</script>")).doesNotContain("<script>alert(1)");
    }

    @Test
    void scriptUsesTheSameIdsAndWritesApiValuesAsText() throws Exception {
        String script = Files.readString(WEB.resolve("cpu.js"));
        String html = CpuPage.skeleton("/system/console/cpu");

        for (String id : new String[] { "bks-cpu", "bks-cpu-chart", "bks-cpu-governor", "bks-cpu-profiles", "bks-cpu-try",
                "bks-cpu-tryboot", "bks-cpu-boot", "bks-cpu-status", "bks-cpu-profile-description" }) {
            assertThat(script).contains("'" + id + "'");
            assertThat(html).contains("id=\"" + id + "\"");
        }
        assertThat(script).contains("textContent").contains("X-CSRF-Token").contains("/cpu/overclock")
                .contains("/cpu/governor").contains("/cpu/history")
                .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                .doesNotContain("document.write").doesNotContain("eval(").doesNotContain("${");
        assertThat(html).doesNotContain("${");
        assertThat(WEB.resolve("cpu.css")).isRegularFile();
    }
}
