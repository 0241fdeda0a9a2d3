package org.bakusoku.webconsole.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(5_000_000);
    private final LoginThrottle throttle = new LoginThrottle(now::get, 5, 1_000, 8_000);

    @Test
    void freeAttemptsThenGrowingDelaysUpToTheMaximum() {
        for (int i = 1; i <= 5; i++) {
            assertThat(throttle.failure("a")).as("failure %d", i).isZero();
            assertThat(throttle.waitMs("a")).isZero();
        }
        assertThat(throttle.failure("a")).isEqualTo(1_000);
        assertThat(throttle.waitMs("a")).isEqualTo(1_000);
        now.addAndGet(400);
        assertThat(throttle.waitMs("a")).isEqualTo(600);
        now.addAndGet(600);
        assertThat(throttle.waitMs("a")).isZero();

        assertThat(throttle.failure("a")).isEqualTo(2_000);
        assertThat(throttle.failure("a")).isEqualTo(4_000);
        assertThat(throttle.failure("a")).isEqualTo(8_000);
        assertThat(throttle.failure("a")).as("capped").isEqualTo(8_000);
        assertThat(throttle.failures("a")).isEqualTo(10);
    }

    @Test
    void addressesAreCountedApartAndASuccessResets() {
        for (int i = 0; i < 6; i++) {
            throttle.failure("a");
        }
        assertThat(throttle.waitMs("a")).isPositive();
        assertThat(throttle.waitMs("b")).isZero();

        now.addAndGet(1_000);
        throttle.success("a");

        assertThat(throttle.waitMs("a")).isZero();
        assertThat(throttle.failures("a")).isZero();
        assertThat(throttle.failure("a")).as("free attempts again").isZero();
    }

    @Test
    void manyFailuresNeverOverflowTheDelay() {
        LoginThrottle strict = new LoginThrottle(now::get, 0, 1_000, 300_000);
        long last = 0;
        for (int i = 0; i < 200; i++) {
            last = strict.failure("x");
            assertThat(last).isBetween(1_000L, 300_000L);
        }
        assertThat(last).isEqualTo(300_000);
    }

    @Test
    void reconfiguredLimitsApplyToTheNextFailure() {
        throttle.configure(1, 500, 500);

        assertThat(throttle.failure("a")).isZero();
        assertThat(throttle.failure("a")).isEqualTo(500);
        assertThat(throttle.failure("a")).isEqualTo(500);
    }
}
