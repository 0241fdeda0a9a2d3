package org.bakusoku.webconsole.internal.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole auth layer on a temporary data folder with a controllable clock (ms), default settings and a
 * generated admin password.
 */
public final class Fixture {

    static final SecuritySettings DEFAULTS = SecuritySettings.DEFAULTS;

    public final Path data;
    public final AtomicLong clockMs = new AtomicLong(1_800_000_000_000L);
    public final AdminAccount account;
    public final String password;
    public final SessionStore sessions;
    public final LoginThrottle throttle;
    public final AuditLog audit;
    public final ApiTokens tokens;
    public final AuthPreprocessor preprocessor;

    public Fixture(Path data) throws IOException {
        this.data = data;
        SecureRandom random = new SecureRandom();
        account = AdminAccount.open(data, "http://test/login", banner -> { }, () -> clockMs.get() * 1_000_000L,
                random);
        password = Files.readString(data.resolve(AdminAccount.INITIAL_FILE)).strip();
        sessions = new SessionStore(clockMs::get, random, DEFAULTS.sessionIdleMs(), DEFAULTS.sessionMaxMs());
        throttle = new LoginThrottle(clockMs::get, DEFAULTS.freeAttempts(), DEFAULTS.initialDelayMs(),
                DEFAULTS.maxDelayMs());
        audit = new AuditLog(data, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(clockMs.get());
            }
        }, DEFAULTS.auditMaxBytes(), DEFAULTS.auditFiles());
        tokens = new ApiTokens(data, clockMs::get, random);
        preprocessor = new AuthPreprocessor(sessions, throttle, audit, account, tokens, DEFAULTS);
    }

    public Authenticator auth() {
        return preprocessor.authenticator();
    }

    /** @return the audit log's text */
    public String auditText() throws IOException {
        Path file = data.resolve(AuditLog.FILE);
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
