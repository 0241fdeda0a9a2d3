package org.bakusoku.webconsole.internal.auth;

/**
 * One browser login, kept in memory by {@link SessionStore}; the browser holds only a random cookie value.
 *
 * <p>Thread-safe: requests of one browser run in parallel (the console page polls the API while the user
 * clicks).
 */
public final class Session {

    private final String key;
    private final String user;
    private final String csrfToken;
    private final long createdAtMs;
    private volatile long lastSeenMs;
    private volatile boolean mustChangePassword;

    Session(String key, String user, String csrfToken, long createdAtMs, boolean mustChangePassword) {
        this.key = key;
        this.user = user;
        this.csrfToken = csrfToken;
        this.createdAtMs = createdAtMs;
        this.lastSeenMs = createdAtMs;
        this.mustChangePassword = mustChangePassword;
    }

    /** @return the store's key: a SHA-256 of the cookie value, never the value itself */
    String key() {
        return key;
    }

    /** @return the logged-in user name */
    public String user() {
        return user;
    }

    /**
     * @return the per-session CSRF token (43 URL-safe Base64 characters, 256 random bits) that state-changing
     *         requests of this session must carry in {@code X-CSRF-Token} or {@code ?csrf_token=}
     */
    public String csrfToken() {
        return csrfToken;
    }

    /** @return wall-clock time of the login, epoch ms */
    public long createdAtMs() {
        return createdAtMs;
    }

    /** @return wall-clock time of the last request, epoch ms */
    public long lastSeenMs() {
        return lastSeenMs;
    }

    void touch(long nowMs) {
        lastSeenMs = nowMs;
    }

    /** @return true if this login used the generated password and the user has not chosen a new one yet */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    void passwordChanged() {
        mustChangePassword = false;
    }
}
