package org.bakusoku.webconsole.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAtTheFirstColonAndDecodesUtf8() {
        assertThat(BasicCredentials.parse(basic("admin:pa:ss"))).contains(new BasicCredentials("admin", "pa:ss"));
        assertThat(BasicCredentials.parse(basic("admin:\u00e9t\u00e9"))).contains(new BasicCredentials("admin", "\u00e9t\u00e9"));
        assertThat(BasicCredentials.parse("basic " + basic("a:b").substring(6))).contains(new BasicCredentials("a", "b"));
    }

    @Test
    void refusesMissingOtherSchemeAndMalformedHeaders() {
        assertThat(BasicCredentials.parse(null)).isEmpty();
        assertThat(BasicCredentials.parse("Bearer abc")).isEmpty();
        assertThat(BasicCredentials.parse("Basic ")).isEmpty();
        assertThat(BasicCredentials.parse("Basic !!!not-base64")).isEmpty();
        assertThat(BasicCredentials.parse(basic("no-colon"))).isEmpty();
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(new BasicCredentials("admin", "s3cret").toString()).doesNotContain("s3cret");
    }
}
