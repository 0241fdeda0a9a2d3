package org.bakusoku.webconsole.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class VerifiedPasswordCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final VerifiedPasswordCache cache = new VerifiedPasswordCache(100, now::get, new SecureRandom());

    @Test
    void remembersAVerifiedPasswordUntilTheTimeToLiveEnds() {
        assertThat(cache.contains("s3cret")).isFalse();

        cache.remember("s3cret");

        assertThat(cache.contains("s3cret")).isTrue();
        assertThat(cache.contains("s3creT")).isFalse();
        now.addAndGet(99);
        assertThat(cache.contains("s3cret")).isTrue();
        now.addAndGet(1);
        assertThat(cache.contains("s3cret")).isFalse();
    }

    @Test
    void newVerificationReplacesTheOldOne() {
        cache.remember("old");
        cache.remember("new");

        assertThat(cache.contains("old")).isFalse();
        assertThat(cache.contains("new")).isTrue();
    }
}
