package org.bakusoku.webconsole.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.bakusoku.webconsole.internal.FakeHttp;
import org.bakusoku.webconsole.internal.auth.Web;
import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletRequest;

class BakusokuPageTest {

    private static final String PLUGIN_ROOT = "felix.webconsole.pluginRoot";
    private static final String APP_ROOT = "felix.webconsole.appRoot";

    /** @return what the page answers a GET carrying the given request attributes (name, value, ...) */
    private static Web.Response get(BakusokuPage page, String... attributes) throws Exception {
        HttpServletRequest request = FakeHttp.get("/ctx/system/console/page");
        for (int i = 0; i < attributes.length; i += 2) {
            request.setAttribute(attributes[i], attributes[i + 1]);
        }
        Web.Response response = new Web.Response();
        page.doGet(request, response.fake.mock);
        return response;
    }

    @Test
    void writesTheSkeletonBelowTheConsolesPluginRootOrTheDefaultOne() throws Exception {
        Web.Response inConsole = get(new CameraPage(), PLUGIN_ROOT, "/ctx/system/console/camera");
        Web.Response alone = get(new CpuPage());

        assertThat(inConsole.fake.contentType).isEqualTo("text/html;charset=UTF-8");
        assertThat(inConsole.body())
                .isEqualTo(CameraPage.skeleton("/ctx/system/console/camera") + System.lineSeparator());
        assertThat(alone.body()).isEqualTo(CpuPage.skeleton("/system/console/cpu") + System.lineSeparator());
    }

    @Test
    void relaysLinkTheConsolesConfigurationPage() throws Exception {
        assertThat(get(new RelaysPage(), APP_ROOT, "/ctx/system/console").body())
                .contains("href=\"/ctx/system/console/configMgr\"");
        assertThat(get(new RelaysPage()).body()).contains("href=\"/system/console/configMgr\"")
                .contains("src=\"/system/console/relays/res/relays/relays.js\"");
    }

    @Test
    void onlyTheSecurityPageIsKeptOutOfCaches() throws Exception {
        Web.Response security = get(new SecurityPage());
        Web.Response models = get(new ModelsPage());

        assertThat(security.header("Cache-Control")).isEqualTo("no-store");
        assertThat(security.body()).contains("src=\"/system/console/security/res/security/security.js\"");
        assertThat(models.header("Cache-Control")).isNull();
        assertThat(models.body()).contains("src=\"/system/console/models/res/models/models.js\"");
    }
}
