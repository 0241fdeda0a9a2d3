package org.bakusoku.webconsole.internal.auth;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Response headers set on every answer (OWASP HTTP Headers Cheat Sheet).
 *
 * <p>Content-Security-Policy: the Felix Web Console's own pages need inline scripts and styles and
 * {@code eval} (its templates set variables inline; its table sorter and file-upload plugin evaluate code),
 * so the console gets a policy that still forbids framing, plugins, foreign scripts, foreign connections and
 * form targets. Everything else (JSON API, login page) gets a policy that allows nothing but same-origin
 * images; the login page adds its own style hash.
 *
 * <p>No {@code Strict-Transport-Security}: with the self-signed certificate it would stop browsers from
 * letting the user accept the certificate, and HTTP may be wanted on a LAN. The {@code Server} header and
 * Jetty's version on error pages are switched off in the HTTP runtime's configuration.
 */
final class SecurityHeaders {

    /** Policy of the Felix Web Console's pages (below {@code /system/console}). */
    static final String CONSOLE_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Policy of every other answer. */
    static final String STRICT_CSP = "default-src 'none'; img-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    /**
     * @param path     the request path
     * @param response the response, before anything is written
     */
    static void apply(String path, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy",
                path != null && path.startsWith("/system/console") ? CONSOLE_CSP : STRICT_CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
