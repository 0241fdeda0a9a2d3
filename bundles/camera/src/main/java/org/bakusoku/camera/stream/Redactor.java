package org.bakusoku.camera.stream;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes credentials from text before it reaches a log, an event or the API: the password part of any
 * {@code scheme://user:password@host} becomes {@code ***}, and the configured password (also URL-encoded and as the
 * Base64 of {@code user:password}, as in an HTTP Basic header) is replaced wherever it appears. Immutable.
 */
public final class Redactor {

    /** What a hidden password is shown as. */
    public static final String MASK = "***";

    /** scheme://user:password@ ; the password may not contain '@' unencoded (RFC 3986 userinfo). */
    private static final Pattern USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^/:@\\s]*):[^@\\s/]*@");
    /** Passwords shorter than this are only masked inside URLs: masking every "ab" in a log line helps nobody. */
    private static final int MIN_LITERAL = 3;

    private final List<String> secrets;

    /**
     * @param username the configured user name, or "" / null
     * @param password the configured password, or "" / null for none
     */
    public Redactor(String username, String password) {
        List<String> list = new ArrayList<>();
        if (password != null && password.length() >= MIN_LITERAL) {
            list.add(password);
            String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
            if (!encoded.equals(password)) {
                list.add(encoded);
            }
            list.add(Base64.getEncoder().encodeToString(
                    ((username == null ? "" : username) + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        secrets = List.copyOf(list);
    }

    /** A redactor that only masks passwords inside URLs. */
    public static final Redactor URLS_ONLY = new Redactor(null, null);

    /**
     * @param text any text, or null
     * @return the text without credentials ("" for null)
     */
    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = USERINFO.matcher(text).replaceAll("$1:" + MASK + "@");
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
