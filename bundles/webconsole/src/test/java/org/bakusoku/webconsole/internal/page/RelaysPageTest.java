package org.bakusoku.webconsole.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelaysPageTest {

    @Test
    void skeletonLoadsTheScriptFromThePluginRootEscapedAndLinksTheConfigurationPage() {
        String html = RelaysPage.skeleton("/system/console/relays\"><script>", "/system/console");

        assertThat(html).contains("data-api=\"/api/v1\"")
                .contains("&#34;", "/res/relays/relays.js\"></script>")
                .doesNotContain("relays\"><script>")
                .contains("href=\"/system/console/configMgr\"")
                .contains("id=\"bks-relays-list\"", "id=\"bks-relays-events\"", "id=\"bks-relays-rules\"",
                        "id=\"bks-relays-problems\"", "id=\"bks-relays-ms\"")
                .doesNotContain("${");
    }
}
