package org.bakusoku.webconsole.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bakusoku.webconsole.internal.FakeHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.servlet.http.HttpServletRequest;

class ConsoleSecurityProviderTest {

    @TempDir
    static Path data;

    private static ConsoleSecurityProvider provider;

    @BeforeAll
    static void setUp() throws Exception {
        provider = new ConsoleSecurityProvider(new Fixture(data).preprocessor);
    }

    private final FakeHttp.Response response = new FakeHttp.Response();

    @Test
    void trustsTheUserMarkedByThePreprocessor() {
        HttpServletRequest request = FakeHttp.get("/system/console/bundles");
        request.setAttribute(AuthPreprocessor.USER_ATTRIBUTE, "admin");

        Object user = provider.authenticate(request, response.mock);

        assertThat(user).isEqualTo("admin");
        assertThat(response.status).isEqualTo(200);
        assertThat(provider.authorize(user, "any-role")).isTrue();
    }

    @Test
    void unmarkedRequestIsChallengedNotLetThrough() {
        Object user = provider.authenticate(FakeHttp.get("/system/console/bundles"), response.mock);

        assertThat(user).isNull();
        assertThat(response.status).isEqualTo(401);
        assertThat(response.headers.get("WWW-Authenticate")).startsWith("Basic realm=\"Bakusoku\"");
    }

    @Test
    void onlyTheAdminIsAuthorized() {
        assertThat(provider.authorize("guest", "any-role")).isFalse();
    }
}
