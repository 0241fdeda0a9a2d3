package org.bakusoku.pipeline;

import org.slf4j.Logger;

/** Logs an error at most once per {@value #INTERVAL_MS} ms, so that a failing model does not flood the log. */
final class RateLimitedLog {

    static final long INTERVAL_MS = 10_000;

    private final Logger log;
    private long lastMs = Long.MIN_VALUE;

    RateLimitedLog(Logger log) {
        this.log = log;
    }

    synchronized void error(String message, Throwable cause) {
        long now = System.currentTimeMillis();
        if (lastMs == Long.MIN_VALUE || now - lastMs >= INTERVAL_MS) {
            lastMs = now;
            log.error(message, cause);
        }
    }
}
