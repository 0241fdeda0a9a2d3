package org.bakusoku.webconsole.internal.auth;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration {@value AuthPreprocessor#PID}: login sessions, failed-login throttling and the audit log.
 * Every value is live ({@code @Modified}); a value out of range is logged and the last good settings stay.
 */
@ObjectClassDefinition(name = "Bakusoku console security",
        description = "Login sessions, failed-login throttling and the audit log of the console and API.")
public @interface SecurityConfig {
    /** @return idle timeout, minutes */
    @AttributeDefinition(name = "Session idle timeout (minutes)",
            description = "A browser login ends after this many minutes without a request. 1..1440.", min = "1",
            max = "1440")
    int session_idle_minutes() default 30;

    /** @return absolute session lifetime, hours */
    @AttributeDefinition(name = "Session lifetime (hours)",
            description = "A browser login ends this many hours after it began, active or not. 1..168.",
            min = "1", max = "168")
    int session_max_hours() default 12;

    /** @return failures without delay */
    @AttributeDefinition(name = "Free failed logins",
            description = "Failed logins in a row from one address before each further failure imposes a "
                    + "delay. 0..100.", min = "0", max = "100")
    int login_attempts_free() default 5;

    /** @return first delay, ms */
    @AttributeDefinition(name = "First delay (ms)",
            description = "Delay after the first failure over the free ones; doubles with each further "
                    + "failure. 100..60000 ms.", min = "100", max = "60000")
    long login_delay_initial_ms() default 1000;

    /** @return longest delay, ms */
    @AttributeDefinition(name = "Longest delay (ms)",
            description = "Upper bound of the delay, ms; at least the first delay, at most one day.",
            min = "100", max = "86400000")
    long login_delay_max_ms() default 300_000;

    /** @return audit file size, kB */
    @AttributeDefinition(name = "Audit log size (kB)",
            description = "<data>/audit.log is rotated when it reaches this size. 16..65536 kB.", min = "16",
            max = "65536")
    int audit_max_kb() default 1024;

    /** @return audit files kept */
    @AttributeDefinition(name = "Audit log files",
            description = "Files kept, the current one included (audit.log, audit.log.1, ...). 1..20.",
            min = "1", max = "20")
    int audit_files() default 3;
}
