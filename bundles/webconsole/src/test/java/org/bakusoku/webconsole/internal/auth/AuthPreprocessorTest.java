package org.bakusoku.webconsole.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.bakusoku.webconsole.internal.FakeHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;

class AuthPreprocessorTest {

    @TempDir
    static Path data;

    private static AuthPreprocessor preprocessor;
    private static String password;

    private final FilterChain chain = mock(FilterChain.class);
    private final FakeHttp.Response response = new FakeHttp.Response();

    @BeforeAll
    static void createAccount() throws Exception {
        AdminAccount account = AdminAccount.open(data, "http://test", banner -> { }, System::nanoTime, new SecureRandom());
        password = Files.readString(data.resolve(AdminAccount.INITIAL_FILE)).strip();
        preprocessor = new AuthPreprocessor(account);
    }

    private static Map<String, String> basic(String user, String pass) {
        String token = Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
        return Map.of("Authorization", "Basic " + token);
    }

    private void assertRefused(HttpServletRequest request) throws Exception {
        verify(chain, never()).doFilter(any(), any());
        assertThat(response.status).isEqualTo(401);
        assertThat(response.headers).containsEntry("WWW-Authenticate", "Basic realm=\"Bakusoku\", charset=\"UTF-8\"");
        assertThat(response.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(request.getAttribute(AuthPreprocessor.USER_ATTRIBUTE)).isNull();
    }

    @Test
    void healthIsOpenWithoutLogin() throws Exception {
        HttpServletRequest request = FakeHttp.get("/api/v1/health");

        preprocessor.doFilter(request, response.mock, chain);

        verify(chain).doFilter(request, response.mock);
        assertThat(response.status).isEqualTo(200);
        assertThat(response.body.size()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/detections/latest",
            "GET, /api/v1/relays",
            "GET, /api/v1/nothing-here",
            "GET, /system/console",
            "GET, /system/console/bundles",
            "GET, /system/console/detections/res/detections/detections.js",
            "POST, /system/console/bundles",
            "POST, /api/v1/health",
            "GET, /api/v1/health/",
            "GET, /api/v1/health;x=1",
            "GET, /api/v1/health/../relays",
            "GET, /api/v1/healthz",
            "GET, /" })
    void everythingElseNeedsLogin(String method, String uri) throws Exception {
        HttpServletRequest request = FakeHttp.request(method, uri, Map.of());

        preprocessor.doFilter(request, response.mock, chain);

        assertRefused(request);
    }

    @Test
    void consoleDefaultAdminAdminIsRefused() throws Exception {
        HttpServletRequest request = FakeHttp.request("GET", "/system/console/bundles", basic("admin", "admin"));

        preprocessor.doFilter(request, response.mock, chain);

        assertRefused(request);
    }

    @Test
    void rightPasswordWithWrongUserIsRefused() throws Exception {
        HttpServletRequest request = FakeHttp.request("GET", "/api/v1/relays", basic("root", password));

        preprocessor.doFilter(request, response.mock, chain);

        assertRefused(request);
    }

    @Test
    void malformedAuthorizationIsRefused() throws Exception {
        HttpServletRequest request = FakeHttp.request("GET", "/api/v1/relays", Map.of("Authorization", "Basic %%%"));

        preprocessor.doFilter(request, response.mock, chain);

        assertRefused(request);
    }

    @Test
    void adminWithTheGeneratedPasswordPassesAndIsMarkedOnTheRequest() throws Exception {
        for (String uri : new String[] { "/system/console/detections", "/api/v1/detections/latest" }) {
            HttpServletRequest request = FakeHttp.request("GET", uri, basic("admin", password));
            FilterChain passed = mock(FilterChain.class);

            preprocessor.doFilter(request, response.mock, passed);

            verify(passed).doFilter(request, response.mock);
            assertThat(request.getAttribute(AuthPreprocessor.USER_ATTRIBUTE)).isEqualTo("admin");
            assertThat(request.getAttribute(org.osgi.service.servlet.context.ServletContextHelper.REMOTE_USER))
                    .isEqualTo("admin");
        }
        assertThat(response.status).isEqualTo(200);
    }
}
