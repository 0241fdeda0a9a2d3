package org.bakusoku.webconsole.internal.auth;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/** Writes the API's error shape {@code {"error": "<code>", "message": "..."}} (API.md) from the auth layer. */
final class ErrorAnswer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErrorAnswer() {
    }

    /**
     * @param response the response, not yet committed
     * @param status   HTTP status
     * @param code     short machine-readable code
     * @param message  what went wrong and what to do, for a person
     * @throws IOException if the client went away
     */
    static void send(HttpServletResponse response, int status, String code, String message) throws IOException {
        byte[] body = MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("error", code).put("message", message));
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * 401 with a challenge.
     *
     * @param response   the response, not yet committed
     * @param offerBasic true for {@code WWW-Authenticate: Basic}; false for a browser whose session ended, which
     *                   a Basic challenge would show its login dialog
     * @throws IOException if the client went away
     */
    static void unauthorized(HttpServletResponse response, boolean offerBasic) throws IOException {
        response.setHeader("WWW-Authenticate", offerBasic
                ? "Basic realm=\"" + AuthPreprocessor.REALM + "\", charset=\"UTF-8\""
                : "FormBased realm=\"" + AuthPreprocessor.REALM + "\"");
        send(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                "Log in as " + AdminAccount.USER + " (browser: /login; scripts: HTTP Basic or an API token).");
    }

    /**
     * 429 with {@code Retry-After} in whole seconds, rounded up.
     *
     * @param response the response, not yet committed
     * @param waitMs   how long the client must wait, ms
     * @throws IOException if the client went away
     */
    static void tooManyAttempts(HttpServletResponse response, long waitMs) throws IOException {
        long seconds = retryAfterSeconds(waitMs);
        response.setHeader("Retry-After", Long.toString(seconds));
        send(response, 429, "too_many_attempts",
                "Too many failed logins from this address; try again in " + seconds + " s.");
    }

    /**
     * @param waitMs a wait, ms
     * @return the wait in whole seconds, rounded up, at least 1
     */
    static long retryAfterSeconds(long waitMs) {
        return Math.max(1, (waitMs + 999) / 1000);
    }
}
