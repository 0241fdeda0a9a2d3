package org.bakusoku.webconsole.internal.auth;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides who is calling and keeps the login rules in one place: HTTP Basic with the admin password, a
 * bearer API token, or the session cookie of a browser login; failed password and token attempts are
 * throttled per client address ({@link LoginThrottle}) and every login, failed login, logout and password
 * change is written to the {@link AuditLog}. Plain Java: the servlet classes are thin callers.
 */
public final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    /** How a caller proved who it is. */
    public enum Via {
        /** Browser session cookie (after the login page). */
        SESSION,
        /** HTTP Basic with the admin password. */
        BASIC,
        /** {@code Authorization: Bearer} API token. */
        TOKEN
    }

    /**
     * An authenticated caller.
     *
     * @param user    user name
     * @param via     how it was proven
     * @param session the browser session, for {@link Via#SESSION}; else null
     * @param token   the API token, for {@link Via#TOKEN}; else null
     */
    public record Caller(String user, Via via, Session session, ApiTokens.Token token) {
        /** @return {@code session}, {@code basic} or {@code token:<id>}, as written to the audit log */
        public String viaLabel() {
            return via == Via.TOKEN ? "token:" + token.id() : via.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Outcome of an authentication or login. */
    public sealed interface Result permits Authenticated, LoggedIn, Anonymous, Refused, Throttled {
    }

    /** @param caller who is calling */
    public record Authenticated(Caller caller) implements Result {
    }

    /**
     * A successful login on the login page.
     *
     * @param caller      the new session's caller
     * @param cookieValue value for the session cookie
     */
    public record LoggedIn(Caller caller, String cookieValue) implements Result {
        @Override
        public String toString() {
            return "LoggedIn[" + caller.user() + ", cookieValue=***]";
        }
    }

    /**
     * No credentials.
     *
     * @param staleSession true if the request carried a session cookie that is unknown or expired (a browser
     *                     whose login ended: it must not be shown a Basic login dialog)
     */
    public record Anonymous(boolean staleSession) implements Result {
    }

    /** Wrong credentials. */
    public record Refused() implements Result {
    }

    /** @param waitMs how long the client address must wait before its next attempt is checked, ms */
    public record Throttled(long waitMs) implements Result {
    }

    /** Outcome of {@link #changePassword}. */
    public enum PasswordChange {
        /** Changed; other sessions ended. */
        CHANGED,
        /** The current password was wrong (counted as a failed login). */
        WRONG_PASSWORD,
        /** The address must wait ({@link LoginThrottle}). */
        THROTTLED,
        /** The new password breaks the {@link PasswordPolicy}. */
        WEAK,
        /** The hash file could not be written; the old password stays. */
        FAILED
    }

    private final AdminAccount account;
    private final SessionStore sessions;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    /**
     * @param account  the admin account
     * @param sessions browser sessions
     * @param tokens   API tokens
     * @param throttle failed-login throttle
     * @param audit    audit trail
     */
    public Authenticator(AdminAccount account, SessionStore sessions, ApiTokens tokens, LoginThrottle throttle,
            AuditLog audit) {
        this.account = account;
        this.sessions = sessions;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * Authenticates a request by its {@code Authorization} header if it has one (explicit credentials win),
     * else by its session cookie.
     *
     * @param request the request
     * @return who is calling, or why nobody is
     */
    public Result authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String from = request.getRemoteAddr();
        if (header != null) {
            if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return bearer(header.substring(7).strip(), from);
            }
            BasicCredentials credentials = BasicCredentials.parse(header).orElse(null);
            if (credentials == null) {
                LOG.info("unreadable Authorization header refused, from {}", from);
                return new Refused();
            }
            return password(credentials.user(), credentials.password(), from, "basic");
        }
        String cookie = SessionCookie.read(request);
        if (cookie == null) {
            return new Anonymous(false);
        }
        Optional<Session> session = sessions.find(cookie);
        return session.<Result>map(s -> new Authenticated(new Caller(s.user(), Via.SESSION, s, null)))
                .orElse(new Anonymous(true));
    }

    private Result bearer(String token, String from) {
        long wait = throttle.waitMs(from);
        if (wait > 0) {
            audit.record("-", "token", from, "login", "throttled");
            return new Throttled(wait);
        }
        Optional<ApiTokens.Token> match = tokens.verify(token);
        if (match.isPresent()) {
            throttle.success(from);
            return new Authenticated(new Caller(AdminAccount.USER, Via.TOKEN, null, match.get()));
        }
        failed(from, "token");
        return new Refused();
    }

    private Result password(String user, String password, String from, String via) {
        if (password == null || password.isEmpty()) {
            return new Refused(); // nothing was guessed: an empty form or header is not counted
        }
        long wait = throttle.waitMs(from);
        if (wait > 0) {
            audit.record("-", via, from, "login", "throttled");
            return new Throttled(wait);
        }
        AdminAccount.Check check = account.check(user, password);
        if (check == AdminAccount.Check.REFUSED) {
            failed(from, via);
            return new Refused();
        }
        throttle.success(from);
        if (check == AdminAccount.Check.VERIFIED || !"basic".equals(via)) {
            // Basic sends the password with every request: only the slow check counts as a login there.
            audit.record(AdminAccount.USER, via, from, "login", "ok");
        }
        return new Authenticated(new Caller(AdminAccount.USER, Via.BASIC, null, null));
    }

    private void failed(String from, String via) {
        long delay = throttle.failure(from);
        // The presented user name is not logged: users sometimes type their password into that field.
        audit.record("-", via, from, "login", "refused");
        if (delay > 0) {
            LOG.warn("login refused from {} ({} failures in a row); its next attempt waits {} ms", from,
                    throttle.failures(from), delay);
        } else {
            LOG.info("login refused from {}", from);
        }
    }

    /**
     * The login page's check: on success a new browser session.
     *
     * @param user     presented user name
     * @param password presented password
     * @param from     client address
     * @return {@link LoggedIn}, {@link Refused} or {@link Throttled}
     */
    public Result login(String user, String password, String from) {
        Result result = password(user, password, from, "form");
        if (!(result instanceof Authenticated)) {
            return result;
        }
        SessionStore.NewSession created = sessions.create(AdminAccount.USER, account.mustChangePassword());
        return new LoggedIn(new Caller(AdminAccount.USER, Via.SESSION, created.session(), null),
                created.cookieValue());
    }

    /**
     * Ends a browser session.
     *
     * @param session the session
     * @param from    client address
     */
    public void logout(Session session, String from) {
        sessions.end(session);
        audit.record(session.user(), "session", from, "logout", "ok");
    }

    /**
     * Changes the admin password after checking the current one; ends every other browser session.
     *
     * @param caller      the authenticated caller
     * @param current     the current password, as typed
     * @param newPassword the new password
     * @param from        client address
     * @return the outcome
     */
    public PasswordChange changePassword(Caller caller, String current, String newPassword, String from) {
        if (throttle.waitMs(from) > 0) {
            audit.record(caller.user(), caller.viaLabel(), from, "password change", "throttled");
            return PasswordChange.THROTTLED;
        }
        if (account.check(AdminAccount.USER, current) == AdminAccount.Check.REFUSED) {
            throttle.failure(from);
            audit.record(caller.user(), caller.viaLabel(), from, "password change", "wrong current password");
            return PasswordChange.WRONG_PASSWORD;
        }
        if (PasswordPolicy.problem(newPassword, current) != null) {
            return PasswordChange.WEAK;
        }
        try {
            account.changePassword(newPassword);
        } catch (IOException | IllegalStateException e) {
            LOG.error("password change failed, the old password stays: {}", e.getMessage());
            audit.record(caller.user(), caller.viaLabel(), from, "password change", "failed");
            return PasswordChange.FAILED;
        }
        if (caller.session() != null) {
            caller.session().passwordChanged();
        }
        int ended = sessions.endAllExcept(caller.session());
        audit.record(caller.user(), caller.viaLabel(), from, "password change", "ok");
        LOG.info("admin password changed from {}; {} other session(s) ended", from, ended);
        return PasswordChange.CHANGED;
    }

    /**
     * @param candidate a proposed new password
     * @param current   the current password, or null
     * @return null if the {@link PasswordPolicy} accepts it, else the reason for a person
     */
    public static String passwordProblem(String candidate, String current) {
        return PasswordPolicy.problem(candidate, current);
    }

    /** @return true while the admin password is still the generated one */
    public boolean mustChangePassword() {
        return account.mustChangePassword();
    }

    /** @return the API token store */
    public ApiTokens tokens() {
        return tokens;
    }

    /** @return the audit trail */
    public AuditLog audit() {
        return audit;
    }
}
