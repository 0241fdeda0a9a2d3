package org.bakusoku.webconsole.internal.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 hash of a password, as stored in {@code <data>/admin-password}.
 *
 * <p>Text form, one line: {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>}. The iteration
 * count is stored with the hash so that a later release may raise {@link #ITERATIONS} without locking out
 * existing installations.
 *
 * <p>Parameters follow the OWASP Password Storage Cheat Sheet (2023): PBKDF2-HMAC-SHA256 with 600,000
 * iterations, a random salt of 16 bytes and a 32-byte derived key (RFC 8018, section 5.2).
 *
 * @param iterations PBKDF2 iteration count, &ge; {@link #MIN_ITERATIONS}
 * @param salt       random salt, 16 bytes
 * @param hash       derived key, 32 bytes
 */
record PasswordHash(int iterations, byte[] salt, byte[] hash) {

    /** Iterations used for new hashes (OWASP 2023 figure for PBKDF2-HMAC-SHA256). */
    static final int ITERATIONS = 600_000;
    /** Stored hashes with fewer iterations are refused as damaged or tampered with. */
    static final int MIN_ITERATIONS = 210_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;

    /**
     * Hashes a password with a fresh random salt.
     *
     * @param password the clear password, not empty
     * @param random   source of the salt
     * @return the hash with {@link #ITERATIONS} iterations
     */
    static PasswordHash create(String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    /**
     * Parses the text form written by {@link #format()}.
     *
     * @param text one line, surrounding white space ignored
     * @return the hash
     * @throws IllegalArgumentException if the text is not a well-formed hash of this scheme, saying why
     */
    static PasswordHash parse(String text) {
        String[] parts = text.strip().split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("expected " + SCHEME + "$<iterations>$<salt>$<hash>");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iteration count is not a number: " + parts[1]);
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("iteration count " + iterations + " is below " + MIN_ITERATIONS);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] salt = b64.decode(parts[2]);
        byte[] hash = b64.decode(parts[3]);
        if (salt.length < SALT_BYTES || hash.length != KEY_BITS / 8) {
            throw new IllegalArgumentException("salt or hash has the wrong length");
        }
        return new PasswordHash(iterations, salt, hash);
    }

    /** @return the one-line text form, without a line break */
    String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * Derives the key of a presented password and compares it in constant time.
     *
     * @param password the presented password
     * @return true if it is the hashed password
     */
    boolean matches(String password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // The SunJCE provider of every OpenJDK since 8 implements it; a runtime without it cannot log anyone in.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
