package org.bakusoku.webconsole.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short time, that a password was verified against the PBKDF2 hash.
 *
 * <p>Why: HTTP Basic sends the password with every request, and the console page polls the API every
 * ~500 ms. Running 600,000 PBKDF2 iterations per request (about 1 s of one core on a Raspberry Pi 4)
 * would saturate the CPU that the detector needs. After one successful slow check this cache answers
 * in microseconds with an HMAC-SHA256 of the presented password under a random key that lives only in
 * memory: the clear password is never kept, the tag is useless without the key, and the key is new at
 * every start. Failed checks are never cached, so guessing still costs a full PBKDF2 per attempt.
 */
final class VerifiedPasswordCache {

    private static final String MAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private volatile Entry entry;

    private record Entry(byte[] tag, long expiresAtNanos) {
    }

    /**
     * @param ttlNanos  how long a verification stays valid, nanoseconds, &gt; 0
     * @param nanoClock monotonic clock in nanoseconds (e.g. {@code System::nanoTime})
     * @param random    source of the HMAC key
     */
    VerifiedPasswordCache(long ttlNanos, LongSupplier nanoClock, SecureRandom random) {
        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        this.key = new SecretKeySpec(keyBytes, MAC);
        this.ttlNanos = ttlNanos;
        this.nanoClock = nanoClock;
    }

    /**
     * @param password the presented password
     * @return true if this password was verified less than the time-to-live ago
     */
    boolean contains(String password) {
        Entry current = entry;
        if (current == null || nanoClock.getAsLong() - current.expiresAtNanos() >= 0) {
            return false;
        }
        return MessageDigest.isEqual(current.tag(), tag(password));
    }

    /** @param password a password that has just passed the slow check */
    void remember(String password) {
        entry = new Entry(tag(password), nanoClock.getAsLong() + ttlNanos);
    }

    /** Forgets the verified password, e.g. after a password change. */
    void clear() {
        entry = null;
    }

    private byte[] tag(String password) {
        try {
            Mac mac = Mac.getInstance(MAC); // Mac instances are not thread-safe; creating one is cheap
            mac.init(key);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC + " is not available", e);
        }
    }
}
