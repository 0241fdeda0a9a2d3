package org.bakusoku.webconsole.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.owasp.encoder.Encode;

/**
 * The HTML of the login page: one form, no script, one inline style block allowed by its hash in the page's
 * Content-Security-Policy (CSP Level 2 hash source), so the page needs no second open route for a style sheet.
 */
final class LoginPage {

    private static final String STYLE = "body{font-family:sans-serif;background:#f4f4f4;margin:0}"
            + "main{max-width:22em;margin:12vh auto;background:#fff;padding:2em;border:1px solid #ccc;border-radius:6px}"
            + "h1{margin-top:0;font-size:1.4em}label{display:block;margin:.8em 0}"
            + "input{display:block;width:100%;box-sizing:border-box;padding:.4em;margin-top:.2em}"
            + "button{padding:.5em 1.5em}.msg{color:#a00}.hint{color:#555;font-size:.85em}";

    /** Content-Security-Policy of the login page. */
    static final String CSP = "default-src 'none'; style-src 'sha256-" + sha256Base64(STYLE) + "'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private LoginPage() {
    }

    /**
     * @param next    where to go after the login (already checked by {@link Navigation#safeNext})
     * @param message a message for the user, or null
     * @return the page
     */
    static String render(String next, String message) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Bakusoku - log in</title><style>" + STYLE + "</style></head>\n<body><main>\n"
                + "<h1>Bakusoku console</h1>\n"
                + (message == null ? "" : "<p class=\"msg\" role=\"alert\">" + Encode.forHtml(message) + "</p>\n")
                + "<form method=\"post\" action=\"" + Navigation.LOGIN_PATH + "\">\n"
                + "<input type=\"hidden\" name=\"next\" value=\"" + Encode.forHtmlAttribute(next) + "\">\n"
                + "<label>User<input name=\"user\" value=\"" + AdminAccount.USER
                + "\" autocomplete=\"username\" required></label>\n"
                + "<label>Password<input name=\"password\" type=\"password\" autocomplete=\"current-password\" "
                + "required autofocus></label>\n"
                + "<button type=\"submit\">Log in</button>\n</form>\n"
                + "<p class=\"hint\">At first start the password is printed in the log and kept in "
                + "&lt;data&gt;/initial-password.</p>\n</main></body></html>\n";
    }

    private static String sha256Base64(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
