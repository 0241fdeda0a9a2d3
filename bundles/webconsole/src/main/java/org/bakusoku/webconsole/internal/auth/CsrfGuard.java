package org.bakusoku.webconsole.internal.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Cross-site request forgery defence for state-changing requests (every method but GET, HEAD and OPTIONS),
 * after the OWASP CSRF Prevention Cheat Sheet:
 * <ol>
 * <li>Fetch metadata and origin: a request whose {@code Sec-Fetch-Site} is neither {@code same-origin} nor
 * {@code none}, or whose {@code Origin} (else {@code Referer}) names another origin than the one it was sent
 * to, is refused whatever its credentials, because browsers attach cookies and cached Basic credentials to
 * cross-site requests on their own.</li>
 * <li>Synchronizer token: a request authenticated by the session cookie must also carry the session's token,
 * in the header {@value #HEADER} (scripts; the console's own JavaScript is patched to send it) or the query
 * parameter {@value #PARAM} (forms). Requests with an explicit {@code Authorization} header (curl, scripts)
 * need no token: another site cannot make a browser send that header.</li>
 * </ol>
 * Plain static checks, applied once by {@link AuthPreprocessor} in front of the console and the API.
 */
final class CsrfGuard {

    /** Header carrying the session's CSRF token. */
    static final String HEADER = "X-CSRF-Token";
    /** Query parameter carrying the session's CSRF token (forms, including multipart uploads). */
    static final String PARAM = "csrf_token";

    private CsrfGuard() {
    }

    /**
     * @param method HTTP method
     * @return true unless it is GET, HEAD or OPTIONS
     */
    static boolean isStateChanging(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }

    /**
     * @param request the request
     * @return null if nothing shows another site, else why the request is cross-site (for the log)
     */
    static String crossSiteReason(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !"same-origin".equalsIgnoreCase(site) && !"none".equalsIgnoreCase(site)) {
            return "Sec-Fetch-Site: " + site;
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return sameOrigin(origin, request) ? null : "Origin: " + origin;
        }
        String referer = request.getHeader("Referer");
        if (referer != null && !sameOrigin(referer, request)) {
            return "Referer from another origin";
        }
        return null;
    }

    /**
     * @param request the request
     * @param session the session that authenticated it
     * @return null if the request carries the session's token, else what is wrong
     */
    static String tokenProblem(HttpServletRequest request, Session session) {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            presented = queryParameter(request.getQueryString(), PARAM);
        }
        if (presented == null || presented.isEmpty()) {
            return "no CSRF token";
        }
        boolean ok = MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
        return ok ? null : "wrong CSRF token";
    }

    /**
     * Reads one parameter from the raw query string only: the body is left untouched for the servlet
     * (multipart uploads are parsed by the console itself).
     */
    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Compares the scheme, host and port of a URL (an {@code Origin} or {@code Referer} value) with those the
     * request was sent to ({@code Host} header and connection).
     */
    static boolean sameOrigin(String url, HttpServletRequest request) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null) {
            return false; // includes "Origin: null" (sandboxed frames, file: pages)
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
        return scheme.equalsIgnoreCase(request.getScheme())
                && bare(host).equals(bare(request.getServerName()))
                && port == request.getServerPort();
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : "http".equalsIgnoreCase(scheme) ? 80 : -1;
    }

    private static String bare(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
