package org.bakusoku.webconsole.internal.auth;

import java.util.concurrent.TimeUnit;

/**
 * Validated values of the configuration {@value AuthPreprocessor#PID} ({@link SecurityConfig}).
 *
 * @param sessionIdleMs   idle timeout of a browser session, ms
 * @param sessionMaxMs    absolute lifetime of a browser session, ms
 * @param freeAttempts    failed logins per address before delays start
 * @param initialDelayMs  first delay, ms
 * @param maxDelayMs      longest delay, ms
 * @param auditMaxBytes   audit file size that triggers rotation, bytes
 * @param auditFiles      audit files kept, the current one included
 */
record SecuritySettings(long sessionIdleMs, long sessionMaxMs, int freeAttempts, long initialDelayMs,
        long maxDelayMs, long auditMaxBytes, int auditFiles) {

    /** The defaults of {@link SecurityConfig}. */
    static final SecuritySettings DEFAULTS = new SecuritySettings(TimeUnit.MINUTES.toMillis(30),
            TimeUnit.HOURS.toMillis(12), 5, 1_000, 300_000, 1024 * 1024, 3);

    /**
     * @param config the configuration
     * @return the settings
     * @throws IllegalArgumentException naming the first value out of range
     */
    static SecuritySettings from(SecurityConfig config) {
        check("session.idle.minutes", config.session_idle_minutes(), 1, 1440);
        check("session.max.hours", config.session_max_hours(), 1, 168);
        check("login.attempts.free", config.login_attempts_free(), 0, 100);
        check("login.delay.initial.ms", config.login_delay_initial_ms(), 100, 60_000);
        check("login.delay.max.ms", config.login_delay_max_ms(), config.login_delay_initial_ms(), 86_400_000);
        check("audit.max.kb", config.audit_max_kb(), 16, 65_536);
        check("audit.files", config.audit_files(), 1, 20);
        return new SecuritySettings(TimeUnit.MINUTES.toMillis(config.session_idle_minutes()),
                TimeUnit.HOURS.toMillis(config.session_max_hours()), config.login_attempts_free(),
                config.login_delay_initial_ms(), config.login_delay_max_ms(), config.audit_max_kb() * 1024L,
                config.audit_files());
    }

    private static void check(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " = " + value + " is outside " + min + ".." + max);
        }
    }
}
