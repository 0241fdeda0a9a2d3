package org.bakusoku.webconsole.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class AuthPreprocessorTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @TempDir
    static Path data;

    private static Fixture fx;

    private final FilterChain chain = mock(FilterChain.class);
    private Web.Response response;

    @BeforeAll
    static void createAccount() throws Exception {
        fx = new Fixture(data);
    }

    @BeforeEach
    void freshResponse() throws Exception {
        response = new Web.Response();
        fx.throttle.success("192.0.2.7");
    }

    private HttpServletRequest run(String method, String uri, Map<String, String> headers) throws Exception {
        HttpServletRequest request = Web.request(method, uri, headers);
        fx.preprocessor.doFilter(request, response.fake.mock, chain);
        return request;
    }

    private void assertUnauthorized(HttpServletRequest request) throws Exception {
        verify(chain, never()).doFilter(any(), any());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Bakusoku\", charset=\"UTF-8\"");
        assertThat(response.fake.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(request.getAttribute(AuthPreprocessor.USER_ATTRIBUTE)).isNull();
    }

    private String sessionCookie(boolean mustChange) {
        return SessionCookie.NAME + "=" + fx.sessions.create("admin", mustChange).cookieValue();
    }

    @Test
    void healthAndTheLoginPageAreOpen() throws Exception {
        run("GET", "/api/v1/health", Map.of());
        run("GET", "/login", Map.of());
        run("POST", "/login", Web.headers("Origin", Web.ORIGIN));

        verify(chain, org.mockito.Mockito.times(3)).doFilter(any(), any());
        assertThat(response.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/detections/latest",
            "GET, /api/v1/auth/tokens",
            "GET, /api/v1/nothing-here",
            "GET, /system/console",
            "GET, /system/console/bundles",
            "GET, /system/console/detections/res/detections/detections.js",
            "POST, /system/console/bundles",
            "POST, /api/v1/health",
            "PUT, /login",
            "GET, /login/x",
            "GET, /api/v1/health/",
            "GET, /api/v1/health;x=1",
            "GET, /api/v1/health/../relays",
            "GET, /api/v1/healthz",
            "GET, /" })
    void everythingElseNeedsLogin(String method, String uri) throws Exception {
        assertUnauthorized(run(method, uri, Map.of()));
    }

    @Test
    void browserOpeningAPageIsSentToTheLoginPageWithItsTarget() throws Exception {
        run("GET", "/system/console/bundles?x=1", Web.headers("Accept", BROWSER_ACCEPT));

        verify(chain, never()).doFilter(any(), any());
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("/login?next=%2Fsystem%2Fconsole%2Fbundles%3Fx%3D1");
    }

    @Test
    void browserWhoseSessionEndedGetsNoBasicDialog() throws Exception {
        run("GET", "/api/v1/detections/latest", Web.headers("Cookie", SessionCookie.NAME + "=expired-or-unknown"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).doesNotStartWith("Basic");
    }

    @Test
    void defaultAdminAdminAndTheRightPasswordWithAnotherUserAreRefused() throws Exception {
        assertUnauthorized(run("GET", "/system/console/bundles", Web.basic("admin", "admin")));
        response = new Web.Response();
        assertUnauthorized(run("GET", "/api/v1/relays", Web.basic("root", fx.password)));
        response = new Web.Response();
        assertUnauthorized(run("GET", "/api/v1/relays", Map.of("Authorization", "Basic %%%")));
    }

    @Test
    void basicTokenAndSessionCallersPassAndAreMarkedOnTheRequest() throws Exception {
        String token = fx.tokens.create("test").secret();
        for (Map<String, String> credentials : new Map[] { Web.basic("admin", fx.password),
                Map.of("Authorization", "Bearer " + token), Map.of("Cookie", sessionCookie(false)) }) {
            FilterChain passed = mock(FilterChain.class);
            HttpServletRequest request = Web.request("GET", "/api/v1/detections/latest", credentials);

            fx.preprocessor.doFilter(request, response.fake.mock, passed);

            verify(passed).doFilter(any(), any());
            assertThat(request.getAttribute(AuthPreprocessor.USER_ATTRIBUTE)).isEqualTo("admin");
            assertThat(request.getAttribute(org.osgi.service.servlet.context.ServletContextHelper.REMOTE_USER))
                    .isEqualTo("admin");
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        run("GET", "/api/v1/health", Map.of());
        assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.STRICT_CSP);
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");

        response = new Web.Response();
        run("GET", "/system/console/bundles", Map.of());
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'")
                .contains("form-action 'self'").contains("object-src 'none'");
    }

    @Test
    void sessionOnTheGeneratedPasswordReachesOnlyThePasswordChange() throws Exception {
        String cookie = sessionCookie(true);

        run("GET", "/system/console/bundles", Web.headers("Cookie", cookie, "Accept", BROWSER_ACCEPT));
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("/system/console/security");

        response = new Web.Response();
        run("GET", "/api/v1/detections/latest", Web.headers("Cookie", cookie));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.fake.json().get("error").asText()).isEqualTo("password_change_required");
        verify(chain, never()).doFilter(any(), any());

        for (String allowed : new String[] { "/system/console/security", "/system/console/res/lib/support.js",
                "/api/v1/auth/me" }) {
            run("GET", allowed, Web.headers("Cookie", cookie));
        }
        verify(chain, org.mockito.Mockito.times(3)).doFilter(any(), any());
    }

    @Test
    void crossSiteStateChangeIsRefusedWhateverItsCredentials() throws Exception {
        String cookie = sessionCookie(false);
        Session session = fx.sessions.find(cookie.substring(cookie.indexOf('=') + 1)).orElseThrow();
        Map<String, String> sessionWithToken = Web.headers("Cookie", cookie, CsrfGuard.HEADER, session.csrfToken(),
                "Origin", "http://evil.example");
        Map<String, String> basicCrossSite = new HashMap<>(Web.basic("admin", fx.password));
        basicCrossSite.put("Sec-Fetch-Site", "cross-site");

        for (Map<String, String> headers : new Map[] { sessionWithToken, basicCrossSite }) {
            response = new Web.Response();
            run("POST", "/system/console/bundles", headers);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.fake.json().get("error").asText()).isEqualTo("csrf_refused");
        }
        verify(chain, never()).doFilter(any(), any());
        assertThat(fx.auditText()).contains("what=\"POST /system/console/bundles\" result=403-csrf");
    }

    @Test
    void sessionStateChangeNeedsItsTokenScriptsWithAuthorizationDoNot() throws Exception {
        String cookie = sessionCookie(false);
        Session session = fx.sessions.find(cookie.substring(cookie.indexOf('=') + 1)).orElseThrow();

        run("POST", "/api/v1/auth/tokens", Web.headers("Cookie", cookie, "Origin", Web.ORIGIN));
        assertThat(response.status()).isEqualTo(403);
        verify(chain, never()).doFilter(any(), any());

        doAnswer(a -> {
            ((HttpServletResponse) a.getArgument(1)).setStatus(201);
            return null;
        }).when(chain).doFilter(any(), any());
        response = new Web.Response();
        run("POST", "/api/v1/auth/tokens", Web.headers("Cookie", cookie, "Origin", Web.ORIGIN, CsrfGuard.HEADER,
                session.csrfToken()));
        response = new Web.Response();
        run("DELETE", "/api/v1/auth/tokens/abc", Web.basic("admin", fx.password));
        verify(chain, org.mockito.Mockito.times(2)).doFilter(any(), any());
        assertThat(fx.auditText())
                .contains("who=admin via=session from=192.0.2.7 what=\"POST /api/v1/auth/tokens\" result=201")
                .contains("who=admin via=basic from=192.0.2.7 what=\"DELETE /api/v1/auth/tokens/abc\" result=201");
    }

    @Test
    void throttledAddressIsAnsweredAtOnceWithRetryAfterEvenWithTheRightPassword() throws Exception {
        fx.throttle.configure(2, 1_000, 300_000); // each wrong guess costs a full PBKDF2: keep the test short
        for (int i = 0; i < 3; i++) {
            response = new Web.Response();
            run("GET", "/api/v1/relays", Web.basic("admin", "wrong-" + i));
            assertThat(response.status()).isEqualTo(401);
        }
        response = new Web.Response();
        run("GET", "/api/v1/relays", Web.basic("admin", fx.password));

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        verify(chain, never()).doFilter(any(), any());

        fx.clockMs.addAndGet(1_000);
        response = new Web.Response();
        run("GET", "/api/v1/relays", Web.basic("admin", fx.password));
        verify(chain).doFilter(any(), any());
        assertThat(fx.throttle.failures("192.0.2.7")).isZero();
        fx.throttle.configure(5, 1_000, 300_000);
        assertThat(fx.auditText()).contains("via=basic from=192.0.2.7 what=\"login\" result=refused")
                .contains("what=\"login\" result=throttled");
    }

    @Test
    void consolePagesOpenedWithASessionGetTheCsrfToken() throws Exception {
        String cookie = sessionCookie(false);
        Session session = fx.sessions.find(cookie.substring(cookie.indexOf('=') + 1)).orElseThrow();
        doAnswer(a -> {
            HttpServletResponse out = (HttpServletResponse) a.getArgument(1);
            out.setContentType("text/html; charset=utf-8");
            out.getWriter().print("<html><head><title>x</title></head><body>ü</body></html>");
            return null;
        }).when(chain).doFilter(any(), any());

        run("GET", "/system/console/bundles", Web.headers("Cookie", cookie));

        assertThat(new String(response.fake.body.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(
                "<html><head><title>x</title><meta name=\"csrf-token\" content=\"" + session.csrfToken() + "\" />\n"
                        + "<script src=\"" + CsrfTokenInjector.SCRIPT + "\"></script>\n</head><body>ü</body></html>");
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() throws Exception {
        String cookie = sessionCookie(false);
        HttpServletRequest request = run("GET", "/system/console/logout", Web.headers("Cookie", cookie));

        fx.preprocessor.logout(request, response.fake.mock);

        assertThat(fx.sessions.find(cookie.substring(cookie.indexOf('=') + 1))).isEmpty();
        assertThat(response.setCookies).containsExactly(
                SessionCookie.NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        assertThat(response.header("Location")).isEqualTo("/login");
        assertThat(fx.auditText()).contains("what=\"logout\" result=ok");
    }
}
