package org.bakusoku.webconsole.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * User name and password of an HTTP Basic {@code Authorization} header (RFC 7617).
 *
 * @param user     user name, the part before the first colon
 * @param password password, everything after the first colon (may contain colons)
 */
record BasicCredentials(String user, String password) {

    private static final String SCHEME = "Basic ";

    /**
     * @param header value of the {@code Authorization} header, may be null
     * @return the credentials, or empty if the header is missing, of another scheme or malformed
     */
    static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            // RFC 7617 section 2.1: browsers send UTF-8 when the challenge does not say otherwise.
            decoded = new String(Base64.getDecoder().decode(header.substring(SCHEME.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + ", password=***]";
    }
}
