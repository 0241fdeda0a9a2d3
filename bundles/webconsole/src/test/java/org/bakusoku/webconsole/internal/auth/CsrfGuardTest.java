package org.bakusoku.webconsole.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CsrfGuardTest {

    private final Session session = new SessionStore(() -> 0L, new SecureRandom(), 1_000, 1_000)
            .create("admin", false).session();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Origin|http://pi.local:8080|",
            "Origin|HTTP://PI.LOCAL:8080|",
            "Origin|https://pi.local:8080|Origin: https://pi.local:8080",
            "Origin|http://pi.local:8081|Origin: http://pi.local:8081",
            "Origin|http://evil.example|Origin: http://evil.example",
            "Origin|http://pi.local|Origin: http://pi.local",
            "Origin|null|Origin: null",
            "Sec-Fetch-Site|same-origin|",
            "Sec-Fetch-Site|none|",
            "Sec-Fetch-Site|same-site|Sec-Fetch-Site: same-site",
            "Sec-Fetch-Site|cross-site|Sec-Fetch-Site: cross-site",
            "Referer|http://pi.local:8080/system/console/bundles|",
            "Referer|http://evil.example/page|Referer from another origin" })
    void browserHeadersTellCrossSiteRequests(String header, String value, String reason) {
        assertThat(CsrfGuard.crossSiteReason(Web.request("POST", "/api/v1/x", Web.headers(header, value))))
                .isEqualTo(reason);
    }

    @Test
    void requestsWithoutBrowserHeadersAreNotCrossSite() {
        assertThat(CsrfGuard.crossSiteReason(Web.request("POST", "/api/v1/x", Web.headers()))).isNull();
    }

    @Test
    void originDecidesEvenWhenTheRefererAgrees() {
        assertThat(CsrfGuard.crossSiteReason(Web.request("POST", "/x", Web.headers("Origin", "http://evil.example",
                "Referer", Web.ORIGIN + "/system/console")))).isEqualTo("Origin: http://evil.example");
    }

    @Test
    void sessionTokenComesFromTheHeaderOrTheQuery() {
        String token = session.csrfToken();
        assertThat(CsrfGuard.tokenProblem(Web.request("POST", "/x", Web.headers(CsrfGuard.HEADER, token)), session))
                .isNull();
        assertThat(CsrfGuard.tokenProblem(Web.request("POST", "/x?a=1&csrf_token=" + token, Web.headers()), session))
                .isNull();
        assertThat(CsrfGuard.tokenProblem(Web.request("POST", "/x", Web.headers()), session)).isEqualTo("no CSRF token");
        assertThat(CsrfGuard.tokenProblem(Web.request("POST", "/x", Web.headers(CsrfGuard.HEADER, token + "x")),
                session)).isEqualTo("wrong CSRF token");
        assertThat(CsrfGuard.tokenProblem(Web.request("POST", "/x?csrf_token=", Web.headers()), session))
                .isEqualTo("no CSRF token");
        assertThat(CsrfGuard.queryParameter("a=1&csrf_token=%zz", CsrfGuard.PARAM)).isNull();
    }

    @Test
    void onlySafeMethodsAreNotStateChanging() {
        assertThat(CsrfGuard.isStateChanging("GET")).isFalse();
        assertThat(CsrfGuard.isStateChanging("HEAD")).isFalse();
        assertThat(CsrfGuard.isStateChanging("OPTIONS")).isFalse();
        for (String m : new String[] { "POST", "PUT", "PATCH", "DELETE", "PROPFIND", "get" }) {
            assertThat(CsrfGuard.isStateChanging(m)).as(m).isTrue();
        }
    }
}
