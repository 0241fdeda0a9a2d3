package org.bakusoku.webconsole.internal.auth;

/**
 * Rules for a password the user chooses (changed in the console or preseeded by the OS image).
 *
 * <p>Length is what counts (NIST SP 800-63B, section 5.1.1.2: at least 8 characters, no composition rules);
 * this console guards the whole appliance, so it asks for {@value #MIN_CHARS}. The upper bound keeps one
 * PBKDF2 derivation cheap to start.
 */
final class PasswordPolicy {

    /** Shortest accepted password, characters. */
    static final int MIN_CHARS = 10;

    private PasswordPolicy() {
    }

    /**
     * @param candidate the proposed password, may be null
     * @param current   the current password, or null if there is none to compare with
     * @return null if acceptable, else the reason for a person (never containing the password)
     */
    static String problem(String candidate, String current) {
        if (candidate == null || candidate.isEmpty()) {
            return "the password is empty";
        }
        int chars = candidate.codePointCount(0, candidate.length());
        if (chars < MIN_CHARS) {
            return "the password has " + chars + " characters; at least " + MIN_CHARS + " are needed";
        }
        if (candidate.length() > AdminAccount.MAX_PASSWORD_CHARS) {
            return "the password is longer than " + AdminAccount.MAX_PASSWORD_CHARS + " characters";
        }
        if (candidate.isBlank()) {
            return "the password is only white space";
        }
        if (candidate.equalsIgnoreCase(AdminAccount.USER) || candidate.toLowerCase().contains("bakusoku")) {
            return "the password must not be the user name or the product name";
        }
        if (candidate.equals(current)) {
            return "the new password is the current one";
        }
        return null;
    }
}
