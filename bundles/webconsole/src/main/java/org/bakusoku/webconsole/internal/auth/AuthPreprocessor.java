package org.bakusoku.webconsole.internal.auth;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

import org.bakusoku.webconsole.internal.tls.HttpServerSettings;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one place where every HTTP request is checked: an OSGi Servlet Whiteboard {@link Preprocessor}, which
 * the HTTP runtime calls before it dispatches to any servlet context, the Web Console's included, and also
 * for requests that no servlet would match. In order:
 * <ol>
 * <li>security headers ({@link SecurityHeaders}) on every answer;</li>
 * <li>plain HTTP answered by a redirect to HTTPS when {@link HttpServerSettings} says so;</li>
 * <li>{@code GET /api/v1/health} and the login page ({@code GET|POST /login}) are open; everything else
 * needs a session cookie, HTTP Basic or an API token ({@link Authenticator}); without one a page opening is
 * redirected to the login page and anything else gets 401 ({@code WWW-Authenticate: Basic} unless the
 * browser's session just ended); a throttled address gets 429 with {@code Retry-After};</li>
 * <li>a session still on the generated password only reaches the Security page (password change);</li>
 * <li>state-changing requests pass {@link CsrfGuard} (403 otherwise);</li>
 * <li>console pages opened with a session get the CSRF token injected ({@link CsrfTokenInjector});</li>
 * <li>every state-changing request is written to the {@link AuditLog} with its status.</li>
 * </ol>
 * On success the user name is stored in the request attribute {@link #USER_ATTRIBUTE}, which
 * {@link ConsoleSecurityProvider} hands to the Web Console.
 */
@Component(service = { Preprocessor.class, AuthPreprocessor.class }, immediate = true,
        configurationPid = AuthPreprocessor.PID)
@Designate(ocd = SecurityConfig.class)
public final class AuthPreprocessor implements Preprocessor {

    /** Configuration PID. */
    public static final String PID = "org.bakusoku.webconsole.security";
    /** Request attribute holding the authenticated user name ({@code String}). */
    public static final String USER_ATTRIBUTE = "org.bakusoku.webconsole.user";
    /** Request attribute holding the {@link Authenticator.Caller}. */
    public static final String CALLER_ATTRIBUTE = "org.bakusoku.webconsole.caller";
    /** Realm of the Basic challenge. */
    public static final String REALM = "Bakusoku";
    /** The only API route open without login. */
    static final String HEALTH_PATH = "/api/v1/health";

    private static final Logger LOG = LoggerFactory.getLogger(AuthPreprocessor.class);

    private final Authenticator auth;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private volatile SecuritySettings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HttpServerSettings http;

    /**
     * Opens (at first start: creates) the admin account, API tokens and audit log in the data folder given by
     * the framework property {@code bakusoku.data} (default {@code ./data}).
     *
     * @param context the bundle context, for framework properties
     * @param config  the configuration
     */
    @Activate
    public AuthPreprocessor(BundleContext context, SecurityConfig config) {
        this(Path.of(property(context, "bakusoku.data", "./data")), consoleUrl(context), settingsOrDefault(config));
    }

    private AuthPreprocessor(Path data, String consoleUrl, SecuritySettings s) {
        this(new SessionStore(System::currentTimeMillis, new SecureRandom(), s.sessionIdleMs(), s.sessionMaxMs()),
                new LoginThrottle(System::currentTimeMillis, s.freeAttempts(), s.initialDelayMs(), s.maxDelayMs()),
                new AuditLog(data, Clock.systemUTC(), s.auditMaxBytes(), s.auditFiles()),
                AdminAccount.open(data, consoleUrl, LOG::warn, System::nanoTime, new SecureRandom()),
                new ApiTokens(data, System::currentTimeMillis, new SecureRandom()), s);
    }

    /**
     * Wires the parts; for tests.
     *
     * @param sessions browser sessions
     * @param throttle failed-login throttle
     * @param audit    audit trail
     * @param account  admin account
     * @param tokens   API tokens
     * @param settings current settings
     */
    AuthPreprocessor(SessionStore sessions, LoginThrottle throttle, AuditLog audit, AdminAccount account,
            ApiTokens tokens, SecuritySettings settings) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
        this.settings = settings;
        this.auth = new Authenticator(account, sessions, tokens, throttle, audit);
    }

    private static SecuritySettings settingsOrDefault(SecurityConfig config) {
        try {
            return SecuritySettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("{} configuration refused ({}); using the defaults", PID, e.getMessage());
            return SecuritySettings.DEFAULTS;
        }
    }

    /** @param config the changed configuration; a bad value is logged and the last good settings stay */
    @Modified
    void modified(SecurityConfig config) {
        try {
            SecuritySettings s = SecuritySettings.from(config);
            sessions.configure(s.sessionIdleMs(), s.sessionMaxMs());
            throttle.configure(s.freeAttempts(), s.initialDelayMs(), s.maxDelayMs());
            audit.configure(s.auditMaxBytes(), s.auditFiles());
            settings = s;
            LOG.info("{} updated: {}", PID, s);
        } catch (IllegalArgumentException e) {
            LOG.error("{} change refused ({}); keeping {}", PID, e.getMessage(), settings);
        }
    }

    /** @return the authenticator, for the login page, the Security page and the auth API */
    public Authenticator authenticator() {
        return auth;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = path(request);
        String method = request.getMethod();
        SecurityHeaders.apply(path, response);
        HttpServerSettings server = http;
        String httpsLocation = server == null || isHealth(method, path) ? null : server.httpsRedirect(request);
        if (httpsLocation != null) {
            response.setStatus(308); // permanent, and unlike 301 keeps the method and body
            response.setHeader("Location", httpsLocation);
            return;
        }
        if (isHealth(method, path) || isLogin(method, path)) {
            if (CsrfGuard.isStateChanging(method) && CsrfGuard.crossSiteReason(request) != null) {
                forbidCrossSite(request, response, "-", "-", path);
                return;
            }
            chain.doFilter(req, res);
            return;
        }
        Authenticator.Result result = auth.authenticate(request);
        if (result instanceof Authenticator.Throttled t) {
            ErrorAnswer.tooManyAttempts(response, t.waitMs());
            return;
        }
        if (!(result instanceof Authenticator.Authenticated authenticated)) {
            if (Navigation.isPageOpening(request)) {
                response.sendRedirect(Navigation.loginRedirect(request));
            } else {
                boolean offerBasic = !(result instanceof Authenticator.Anonymous a && a.staleSession());
                ErrorAnswer.unauthorized(response, offerBasic);
            }
            return;
        }
        Authenticator.Caller caller = authenticated.caller();
        if (caller.session() != null && caller.session().mustChangePassword()
                && !Navigation.reachableBeforePasswordChange(path)) {
            if (Navigation.isPageOpening(request)) {
                response.sendRedirect(Navigation.SECURITY_PAGE);
            } else {
                ErrorAnswer.send(response, HttpServletResponse.SC_FORBIDDEN, "password_change_required",
                        "Choose a new admin password first, on " + Navigation.SECURITY_PAGE + ".");
            }
            return;
        }
        boolean stateChanging = CsrfGuard.isStateChanging(method);
        if (stateChanging && !passesCsrf(request, response, caller, path)) {
            return;
        }
        request.setAttribute(USER_ATTRIBUTE, caller.user());
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        request.setAttribute(ServletContextHelper.REMOTE_USER, caller.user());
        request.setAttribute(ServletContextHelper.AUTHENTICATION_TYPE,
                caller.session() != null ? HttpServletRequest.FORM_AUTH : HttpServletRequest.BASIC_AUTH);
        CsrfTokenInjector injector = caller.session() != null && "GET".equals(method)
                && path.startsWith("/system/console") ? new CsrfTokenInjector(response, caller.session().csrfToken())
                        : null;
        String outcome = "error";
        try {
            chain.doFilter(req, injector == null ? res : injector);
            if (injector != null) {
                injector.finish();
            }
            outcome = Integer.toString(response.getStatus());
        } finally {
            if (stateChanging) {
                audit.record(caller.user(), caller.viaLabel(), request.getRemoteAddr(), method + " " + path, outcome);
            }
        }
    }

    private boolean passesCsrf(HttpServletRequest request, HttpServletResponse response, Authenticator.Caller caller,
            String path) throws IOException {
        String reason = CsrfGuard.crossSiteReason(request);
        if (reason == null && caller.via() == Authenticator.Via.SESSION) {
            reason = CsrfGuard.tokenProblem(request, caller.session());
        }
        if (reason == null) {
            return true;
        }
        LOG.warn("{} {} from {} refused: {}", request.getMethod(), path, request.getRemoteAddr(),
                reason.startsWith("Origin") ? "Origin of another site" : reason);
        forbidCrossSite(request, response, caller.user(), caller.viaLabel(), path);
        return false;
    }

    private void forbidCrossSite(HttpServletRequest request, HttpServletResponse response, String who, String via,
            String path) throws IOException {
        audit.record(who, via, request.getRemoteAddr(), request.getMethod() + " " + path, "403-csrf");
        ErrorAnswer.send(response, HttpServletResponse.SC_FORBIDDEN, "csrf_refused",
                "Refused: this request came from another site or without the page's CSRF token. Reload the "
                        + "console page and try again; scripts send an Authorization header instead.");
    }

    /**
     * Answers 401 with the Basic challenge and a JSON error body.
     *
     * @param response the response, not yet committed
     * @throws IOException if the body cannot be written
     */
    void challenge(HttpServletResponse response) throws IOException {
        ErrorAnswer.unauthorized(response, true);
    }

    /**
     * Ends the request's browser session, if any, and sends the browser to the login page (the console's
     * "Log out" button).
     *
     * @param request  the request
     * @param response the response, not yet committed
     * @throws IOException if the client went away
     */
    void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(CALLER_ATTRIBUTE) instanceof Authenticator.Caller caller && caller.session() != null) {
            auth.logout(caller.session(), request.getRemoteAddr());
        }
        SessionCookie.clear(response, request.isSecure());
        response.sendRedirect(Navigation.LOGIN_PATH);
    }

    /** The raw URI below the context path, compared exactly: no decoding, no path parameters removed. */
    private static String path(HttpServletRequest request) {
        String path = request.getRequestURI();
        String contextPath = request.getContextPath();
        if (contextPath != null && !contextPath.isEmpty() && path != null && path.startsWith(contextPath)) {
            path = path.substring(contextPath.length());
        }
        return path == null ? "" : path;
    }

    private static boolean isHealth(String method, String path) {
        return "GET".equals(method) && HEALTH_PATH.equals(path);
    }

    private static boolean isLogin(String method, String path) {
        return ("GET".equals(method) || "POST".equals(method)) && Navigation.LOGIN_PATH.equals(path);
    }

    /**
     * The URL the first-start banner shows: {@code localhost} while the console listens on the loopback
     * address only (the default), the machine's host name once it listens on the LAN.
     */
    private static String consoleUrl(BundleContext context) {
        String bind = property(context, "org.apache.felix.http.host", "127.0.0.1");
        String host = "localhost";
        if (!bind.startsWith("127.") && !bind.equals("localhost") && !bind.equals("::1")) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = bind.equals("0.0.0.0") || bind.equals("::") ? "localhost" : bind;
            }
        }
        return "http://" + host + ":" + property(context, "org.osgi.service.http.port", "8080")
                + Navigation.LOGIN_PATH;
    }

    private static String property(BundleContext context, String key, String fallback) {
        String value = context.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
