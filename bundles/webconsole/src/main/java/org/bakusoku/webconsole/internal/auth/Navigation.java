package org.bakusoku.webconsole.internal.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells a browser opening a page from everything else, and builds the login redirect.
 *
 * <p>A page opening is sent to the login page; scripts, API calls and assets get 401 instead, so that they
 * fail visibly rather than receive a login form. Browsers mark page openings with
 * {@code Sec-Fetch-Mode: navigate} over HTTPS and on localhost; over plain HTTP on the LAN they send no
 * fetch metadata, and there the {@code Accept} header of a navigation (Chrome, Firefox and Safari all list
 * {@code text/html} and {@code application/xhtml+xml}) tells it apart. Java's URL connection and curl send
 * neither.
 */
final class Navigation {

    /** The login page. */
    static final String LOGIN_PATH = "/login";
    /** Where a login without a (valid) {@code next} lands. */
    static final String HOME = "/system/console/detections";
    /** The console page where the password is changed. */
    static final String SECURITY_PAGE = "/system/console/security";

    private Navigation() {
    }

    /**
     * @param request the request
     * @return true if a browser is opening this URL as a page
     */
    static boolean isPageOpening(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String mode = request.getHeader("Sec-Fetch-Mode");
        if (mode != null) {
            return "navigate".equalsIgnoreCase(mode);
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && accept.contains("application/xhtml+xml");
    }

    /**
     * @param request a page opening without login
     * @return {@code /login?next=<the requested path and query>}
     */
    static String loginRedirect(HttpServletRequest request) {
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return LOGIN_PATH + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    /**
     * Keeps redirects after login on this appliance: only an absolute path on the same host is accepted
     * (no scheme, no {@code //host}, no backslash that browsers read as a slash, no control characters).
     *
     * @param next the requested target, may be null
     * @return {@code next} if safe, else {@link #HOME}
     */
    static String safeNext(String next) {
        if (next == null || next.length() > 1000 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || next.startsWith(LOGIN_PATH)) {
            return HOME;
        }
        return next;
    }

    /**
     * What a session still on the generated password may reach: the password change and what it needs.
     *
     * @param path request path
     * @return true for the Security page and its assets, the console's assets, the logout and the password API
     */
    static boolean reachableBeforePasswordChange(String path) {
        return path.equals(SECURITY_PAGE) || path.startsWith(SECURITY_PAGE + "/")
                || path.startsWith("/system/console/res/") || path.equals("/system/console/logout")
                || path.equals("/api/v1/auth/password") || path.equals("/api/v1/auth/me");
    }
}
