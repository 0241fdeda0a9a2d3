package org.bakusoku.webconsole.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.servlet.http.HttpServletRequest;

class LoginServletTest {

    @TempDir
    static Path data;

    private static Fixture fx;
    private static LoginServlet servlet;

    @BeforeAll
    static void setUp() throws Exception {
        fx = new Fixture(data);
        servlet = new LoginServlet(fx.auth());
    }

    private Web.Response post(String user, String password, String next, boolean secure, String from)
            throws Exception {
        HttpServletRequest request = Web.request("POST", "/login", Map.of());
        when(request.getParameter("user")).thenReturn(user);
        when(request.getParameter("password")).thenReturn(password);
        when(request.getParameter("next")).thenReturn(next);
        when(request.isSecure()).thenReturn(secure);
        when(request.getRemoteAddr()).thenReturn(from);
        Web.Response response = new Web.Response();
        servlet.doPost(request, response.fake.mock);
        return response;
    }

    @Test
    void formShowsWithItsOwnPolicyAndEscapesTheTarget() throws Exception {
        HttpServletRequest request = Web.request("GET", "/login", Map.of());
        when(request.getParameter("next")).thenReturn("/system/console/x\"><script>alert(1)</script>");
        Web.Response response = new Web.Response();

        servlet.doGet(request, response.fake.mock);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("<form method=\"post\" action=\"/login\">")
                .contains("value=\"/system/console/x&#34;>&lt;script>alert(1)&lt;/script>\"")
                .doesNotContain("<script>");
        String style = response.body().substring(response.body().indexOf("<style>") + 7,
                response.body().indexOf("</style>"));
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.header("Content-Security-Policy")).contains("style-src 'sha256-" + hash + "'")
                .startsWith("default-src 'none'");
    }

    @Test
    void rightPasswordSetsAStrictCookieAndGoesToThePasswordChangeWhileItIsTheGeneratedOne() throws Exception {
        Web.Response response = post("admin", fx.password, "/system/console/bundles", true, "192.0.2.10");

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/system/console/security");
        assertThat(response.setCookies).hasSize(1);
        String cookie = response.setCookies.get(0);
        assertThat(cookie).matches(SessionCookie.NAME + "=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict; Secure");
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        assertThat(fx.sessions.find(value)).hasValueSatisfying(s -> assertThat(s.mustChangePassword()).isTrue());
        assertThat(fx.auditText()).contains("who=admin via=form from=192.0.2.10 what=\"login\" result=ok");
    }

    @Test
    void afterThePasswordChangeTheLoginGoesToTheRequestedPageAndNoSecureFlagOverHttp(@TempDir Path other)
            throws Exception {
        Fixture changed = new Fixture(other);
        changed.account.changePassword("a brand new pass phrase");
        LoginServlet login = new LoginServlet(changed.auth());
        HttpServletRequest request = Web.request("POST", "/login", Map.of());
        when(request.getParameter("user")).thenReturn("admin");
        when(request.getParameter("password")).thenReturn("a brand new pass phrase");
        when(request.getParameter("next")).thenReturn("//evil.example/");
        Web.Response response = new Web.Response();

        login.doPost(request, response.fake.mock);

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.header("Location")).as("no open redirect").isEqualTo("/system/console/detections");
        assertThat(response.setCookies.get(0)).endsWith("SameSite=Strict");
    }

    @Test
    void wrongPasswordShowsTheFormAgainWith401AndNoCookie() throws Exception {
        Web.Response response = post("admin", "not-it", "/system/console/bundles", false, "192.0.2.11");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.setCookies).isEmpty();
        assertThat(response.body()).contains("Wrong user name or password.")
                .contains("value=\"/system/console/bundles\"");
    }

    @Test
    void emptyPasswordIsRefusedWithoutCountingAsAGuess() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(post("admin", "", null, false, "192.0.2.14").status()).isEqualTo(401);
            assertThat(post("admin", null, null, false, "192.0.2.14").status()).isEqualTo(401);
        }
        assertThat(fx.throttle.failures("192.0.2.14")).isZero();
    }

    @Test
    void throttledAddressGets429UntilTheDelayHasPassed() throws Exception {
        fx.throttle.configure(1, 1_000, 300_000); // each wrong guess costs a full PBKDF2: keep the test short
        for (int i = 0; i < 2; i++) {
            assertThat(post("admin", "guess" + i, null, false, "192.0.2.12").status()).isEqualTo(401);
        }
        Web.Response throttled = post("admin", fx.password, null, false, "192.0.2.12");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("1");
        assertThat(throttled.body()).contains("Try again in 1 s.");
        assertThat(post("admin", fx.password, null, false, "192.0.2.13").status()).as("other address").isEqualTo(303);

        fx.clockMs.addAndGet(1_000);
        assertThat(post("admin", fx.password, null, false, "192.0.2.12").status()).isEqualTo(303);
    }
}
