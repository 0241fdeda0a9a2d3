package org.bakusoku.webconsole.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class SecuritySettingsTest {

    private static SecurityConfig config(int idleMinutes, long initialDelayMs, long maxDelayMs) {
        return new SecurityConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SecurityConfig.class;
            }

            @Override
            public int session_idle_minutes() {
                return idleMinutes;
            }

            @Override
            public int session_max_hours() {
                return 12;
            }

            @Override
            public int login_attempts_free() {
                return 5;
            }

            @Override
            public long login_delay_initial_ms() {
                return initialDelayMs;
            }

            @Override
            public long login_delay_max_ms() {
                return maxDelayMs;
            }

            @Override
            public int audit_max_kb() {
                return 1024;
            }

            @Override
            public int audit_files() {
                return 3;
            }
        };
    }

    @Test
    void metatypeDefaultsAreTheSettingsDefaults() {
        assertThat(SecuritySettings.from(config(30, 1_000, 300_000))).isEqualTo(SecuritySettings.DEFAULTS);
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> SecuritySettings.from(config(0, 1_000, 300_000)))
                .hasMessage("session.idle.minutes = 0 is outside 1..1440");
        assertThatThrownBy(() -> SecuritySettings.from(config(30, 5_000, 1_000)))
                .hasMessage("login.delay.max.ms = 1000 is outside 5000..86400000");
    }

    @Test
    void badChangeKeepsTheLastGoodSettings(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) throws Exception {
        Fixture fx = new Fixture(data);
        fx.preprocessor.modified(config(30, 2_000, 300_000));
        fx.preprocessor.modified(config(-1, 1_000, 300_000));

        for (int i = 0; i < 5; i++) {
            fx.throttle.failure("a");
        }
        assertThat(fx.throttle.failure("a")).as("the good change applied, the bad one not").isEqualTo(2_000);
    }
}
