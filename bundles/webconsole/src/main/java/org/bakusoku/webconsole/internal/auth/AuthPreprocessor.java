package org.bakusoku.webconsole.internal.auth;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
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
 * The one place where every HTTP request is authenticated: an OSGi Servlet Whiteboard
 * {@link Preprocessor}, which the HTTP runtime calls before it dispatches to any servlet context,
 * the Web Console's included, and also for requests that no servlet would match.
 *
 * <p>{@code GET /api/v1/health} is open. Every other request needs HTTP Basic {@code admin:<password>}
 * ({@link AdminAccount}); otherwise it is answered 401 with {@code WWW-Authenticate: Basic
 * realm="Bakusoku"}. One realm for the console and the API lets the browser reuse the credentials
 * typed once for the console in the page's API calls. On success the user name is stored in the request
 * attribute {@link #USER_ATTRIBUTE}, which {@link ConsoleSecurityProvider} hands to the Web Console.
 *
 * <p>Seam for later work (sessions, CSRF, TLS redirect): {@link #authenticate(HttpServletRequest)} decides
 * who is calling; checks that apply to an authenticated request belong in {@link #doFilter} between
 * authentication and {@code chain.doFilter}.
 */
@Component(service = { Preprocessor.class, AuthPreprocessor.class }, immediate = true)
public final class AuthPreprocessor implements Preprocessor {

    /** Request attribute holding the authenticated user name ({@code String}). */
    public static final String USER_ATTRIBUTE = "org.bakusoku.webconsole.user";
    /** Realm of the Basic challenge. */
    public static final String REALM = "Bakusoku";
    /** The only route open without login. */
    static final String HEALTH_PATH = "/api/v1/health";

    private static final Logger LOG = LoggerFactory.getLogger(AuthPreprocessor.class);
    private static final byte[] UNAUTHORIZED_BODY = ("{\"error\":\"unauthorized\",\"message\":\"Log in as "
            + AdminAccount.USER + " with the password shown at first start (also in <bakusoku.data>/"
            + AdminAccount.INITIAL_FILE + ").\"}").getBytes(StandardCharsets.UTF_8);

    private final AdminAccount account;

    /**
     * Opens (at first start: creates) the admin account in the data folder given by the framework
     * property {@code bakusoku.data} (default {@code ./data}).
     *
     * @param context the bundle context, for framework properties
     */
    @Activate
    public AuthPreprocessor(BundleContext context) {
        this(AdminAccount.open(Path.of(property(context, "bakusoku.data", "./data")), consoleUrl(context),
                LOG::warn, System::nanoTime, new SecureRandom()));
    }

    /** @param account the account that logins are checked against */
    AuthPreprocessor(AdminAccount account) {
        this.account = account;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (isOpen(request)) {
            chain.doFilter(req, res);
            return;
        }
        String user = authenticate(request);
        if (user == null) {
            challenge(response);
            return;
        }
        request.setAttribute(USER_ATTRIBUTE, user);
        request.setAttribute(ServletContextHelper.REMOTE_USER, user);
        request.setAttribute(ServletContextHelper.AUTHENTICATION_TYPE, HttpServletRequest.BASIC_AUTH);
        chain.doFilter(req, res);
    }

    /**
     * Decides who is calling.
     *
     * @param request the request
     * @return the authenticated user name, or null if the request carries no valid credentials
     */
    String authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return null; // a browser's first request: normal, not worth a log line
        }
        BasicCredentials credentials = BasicCredentials.parse(header).orElse(null);
        if (credentials != null && account.verify(credentials.user(), credentials.password())) {
            return credentials.user();
        }
        // Neither user name nor header is logged: both are attacker-controlled text.
        LOG.info("login refused for {} {} from {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
        return null;
    }

    /**
     * Answers 401 with the Basic challenge and a JSON error body.
     *
     * @param response the response, not yet committed
     * @throws IOException if the body cannot be written
     */
    void challenge(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setContentLength(UNAUTHORIZED_BODY.length);
        response.getOutputStream().write(UNAUTHORIZED_BODY);
    }

    private static boolean isOpen(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        // The raw URI, compared exactly: no decoding, no trailing segments, no path parameters.
        String path = request.getRequestURI();
        String contextPath = request.getContextPath();
        if (contextPath != null && !contextPath.isEmpty() && path != null && path.startsWith(contextPath)) {
            path = path.substring(contextPath.length());
        }
        return HEALTH_PATH.equals(path);
    }

    private static String consoleUrl(BundleContext context) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return "http://" + host + ":" + property(context, "org.osgi.service.http.port", "8080")
                + "/system/console/detections";
    }

    private static String property(BundleContext context, String key, String fallback) {
        String value = context.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
