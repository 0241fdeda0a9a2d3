package org.bakusoku.webconsole.internal.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The session cookie: {@code HttpOnly} (scripts cannot read it), {@code SameSite=Strict} (the browser does
 * not send it with requests started by other sites), {@code Secure} when the login came over HTTPS, path
 * {@code /}, no {@code Max-Age} (it ends with the browser; the server-side timeouts of {@link SessionStore}
 * end it earlier). Written as a raw {@code Set-Cookie} header so every attribute is exactly as stated.
 */
final class SessionCookie {

    /** Cookie name. */
    static final String NAME = "bakusoku_session";

    private SessionCookie() {
    }

    /**
     * @param request the request
     * @return the cookie's value, or null if the request has none
     */
    static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /**
     * @param response the response
     * @param value    the session's cookie value (URL-safe Base64, needs no quoting)
     * @param secure   whether the request came over HTTPS
     */
    static void set(HttpServletResponse response, String value, boolean secure) {
        response.addHeader("Set-Cookie", NAME + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
    }

    /**
     * Tells the browser to forget the cookie.
     *
     * @param response the response
     * @param secure   whether the request came over HTTPS
     */
    static void clear(HttpServletResponse response, boolean secure) {
        response.addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
    }
}
