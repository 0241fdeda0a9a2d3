package org.bakusoku.webconsole.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Browser sessions in memory (a restart logs everyone out). A session ends after an idle timeout (no
 * request) or an absolute lifetime, whichever comes first (OWASP Session Management Cheat Sheet).
 *
 * <p>The cookie value is 256 random bits; the store keys sessions by its SHA-256, so a lookup compares hashes
 * and a memory dump holds no usable cookie. At most {@value #MAX_SESSIONS} sessions live at once; a new
 * login beyond that ends the least recently used one.
 */
public final class SessionStore {

    /** Upper bound of concurrent sessions: one user, a few browsers. */
    static final int MAX_SESSIONS = 32;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final LongSupplier clockMs;
    private final SecureRandom random;
    private volatile long idleMs;
    private volatile long maxAgeMs;

    /** A session just created, with the value to put in the cookie. */
    public record NewSession(Session session, String cookieValue) {
        @Override
        public String toString() {
            return "NewSession[user=" + session.user() + ", cookieValue=***]";
        }
    }

    /**
     * @param clockMs  wall clock, epoch ms
     * @param random   source of cookie values and CSRF tokens
     * @param idleMs   idle timeout, ms, &gt; 0
     * @param maxAgeMs absolute lifetime, ms, &gt; 0
     */
    public SessionStore(LongSupplier clockMs, SecureRandom random, long idleMs, long maxAgeMs) {
        this.clockMs = clockMs;
        this.random = random;
        configure(idleMs, maxAgeMs);
    }

    /**
     * Changes the timeouts; they apply to existing sessions too.
     *
     * @param idleMs   idle timeout, ms, &gt; 0
     * @param maxAgeMs absolute lifetime, ms, &gt; 0
     */
    public void configure(long idleMs, long maxAgeMs) {
        this.idleMs = idleMs;
        this.maxAgeMs = maxAgeMs;
    }

    /**
     * @param user               the logged-in user
     * @param mustChangePassword whether the login used the generated password
     * @return the new session and its cookie value
     */
    public NewSession create(String user, boolean mustChangePassword) {
        purgeExpired();
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(Comparator.comparingLong(Session::lastSeenMs))
                    .ifPresent(oldest -> sessions.remove(oldest.key()));
        }
        String cookieValue = randomToken();
        Session session = new Session(hash(cookieValue), user, randomToken(), clockMs.getAsLong(), mustChangePassword);
        sessions.put(session.key(), session);
        return new NewSession(session, cookieValue);
    }

    /**
     * Finds the live session of a cookie value and records the request (idle timer restarts).
     *
     * @param cookieValue value of the session cookie, may be null
     * @return the session, or empty if unknown, ended or expired (an expired one is removed)
     */
    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        String key = hash(cookieValue);
        Session session = sessions.get(key);
        if (session == null) {
            return Optional.empty();
        }
        long now = clockMs.getAsLong();
        if (expired(session, now)) {
            sessions.remove(key);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    /** @param session the session to end (logout) */
    public void end(Session session) {
        sessions.remove(session.key());
    }

    /**
     * Ends every session but one, e.g. after a password change.
     *
     * @param keep the session to keep, or null to end all
     * @return how many sessions were ended
     */
    public int endAllExcept(Session keep) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s != keep);
        return before - sessions.size();
    }

    /** @return number of live sessions, expired ones not counted */
    public int size() {
        purgeExpired();
        return sessions.size();
    }

    private void purgeExpired() {
        long now = clockMs.getAsLong();
        sessions.values().removeIf(s -> expired(s, now));
    }

    private boolean expired(Session session, long now) {
        return now - session.lastSeenMs() >= idleMs || now - session.createdAtMs() >= maxAgeMs;
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
