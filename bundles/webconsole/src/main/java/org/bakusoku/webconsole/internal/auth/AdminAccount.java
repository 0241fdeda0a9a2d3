package org.bakusoku.webconsole.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's single login, user {@value #USER}, whose password is generated at first start.
 *
 * <p>Files in the data folder ({@code bakusoku.data}):
 * <ul>
 * <li>{@value #HASH_FILE}: the salted PBKDF2 hash ({@link PasswordHash}), replaced atomically, mode 0600;
 * <li>{@value #INITIAL_FILE}: the generated clear password, created with mode 0600, for the owner to read
 * once and delete.
 * </ul>
 * Deleting {@value #HASH_FILE} and restarting generates a new password (the recovery procedure).
 * A hash file that cannot be read or parsed locks the account (every login fails) rather than silently
 * creating a new password that an attacker who damaged the file could then race for.
 */
public final class AdminAccount {

    /** The only user name. */
    public static final String USER = "admin";
    /** File holding the PBKDF2 hash. */
    public static final String HASH_FILE = "admin-password";
    /** File holding the first generated password in clear. */
    public static final String INITIAL_FILE = "initial-password";
    /** Length of generated passwords: 20 symbols of 56 give 116 bits of entropy. */
    static final int PASSWORD_LENGTH = 20;
    /** Letters and digits without the look-alikes 0/O/o, 1/I/l, so the password can be typed from a screen. */
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz";
    /** How long a verified password is served from the {@link VerifiedPasswordCache}. */
    static final long CACHE_TTL_NANOS = TimeUnit.MINUTES.toNanos(10);
    /** Longer presented passwords are refused without hashing them. */
    private static final int MAX_PASSWORD_CHARS = 256;

    private static final Logger LOG = LoggerFactory.getLogger(AdminAccount.class);

    private final PasswordHash hash;
    private final VerifiedPasswordCache cache;
    private final Object slowCheckLock = new Object();

    private AdminAccount(PasswordHash hash, VerifiedPasswordCache cache) {
        this.hash = hash;
        this.cache = cache;
    }

    /**
     * Opens the account stored in {@code dataDir}, creating it at first start. Never throws: when the
     * files cannot be read or written the error is logged and the returned account refuses every login.
     *
     * @param dataDir    data folder, created if missing
     * @param consoleUrl URL shown in the first-start banner
     * @param banner     receives the first-start banner (user, password, URL) exactly once per new password
     * @param nanoClock  monotonic clock for the verification cache, nanoseconds
     * @param random     source of the password, salt and cache key
     * @return the account
     */
    public static AdminAccount open(Path dataDir, String consoleUrl, Consumer<String> banner, LongSupplier nanoClock,
            SecureRandom random) {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(CACHE_TTL_NANOS, nanoClock, random);
        Path hashFile = dataDir.resolve(HASH_FILE);
        try {
            if (Files.exists(hashFile)) {
                return new AdminAccount(PasswordHash.parse(Files.readString(hashFile)), cache);
            }
            return new AdminAccount(create(dataDir, consoleUrl, banner, random), cache);
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            LOG.error("admin account in {} is unusable, every login is refused: {}. Delete {} and restart to "
                    + "generate a new password.", dataDir.toAbsolutePath(), e.getMessage(), hashFile.toAbsolutePath());
            return new AdminAccount(null, cache);
        }
    }

    private static PasswordHash create(Path dataDir, String consoleUrl, Consumer<String> banner, SecureRandom random)
            throws IOException {
        Files.createDirectories(dataDir);
        String password = generatePassword(random);
        // Clear password first: if power fails before the hash is written, the next start simply begins again.
        Path initial = dataDir.resolve(INITIAL_FILE);
        Files.deleteIfExists(initial);
        SecretFiles.writeNew(initial, password + "\n");
        PasswordHash created = PasswordHash.create(password, random);
        SecretFiles.writeAtomically(dataDir.resolve(HASH_FILE), created.format() + "\n");
        banner.accept(String.join(System.lineSeparator(),
                "",
                "==================================================================",
                " Bakusoku console login (shown once, at first start)",
                "   user:     " + USER,
                "   password: " + password,
                "   console:  " + consoleUrl,
                " Also in " + initial.toAbsolutePath() + " (mode 0600): keep it safe, then delete it.",
                "=================================================================="));
        return created;
    }

    /**
     * @param random source of randomness
     * @return {@value #PASSWORD_LENGTH} symbols drawn uniformly from {@link #ALPHABET}
     */
    static String generatePassword(SecureRandom random) {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /**
     * Checks a user name and password. The first success costs one PBKDF2 derivation (hundreds of ms on a
     * Raspberry Pi); the same password is then accepted from the {@link VerifiedPasswordCache} for
     * {@link #CACHE_TTL_NANOS}. Slow checks run one at a time, so a flood of wrong passwords occupies at
     * most one core, and requests that queued behind a successful check find it in the cache.
     *
     * @param user     presented user name, may be null
     * @param password presented password, may be null
     * @return true if the user is {@value #USER} and the password is the stored one
     */
    public boolean verify(String user, String password) {
        if (hash == null || user == null || password == null || password.isEmpty()
                || password.length() > MAX_PASSWORD_CHARS) {
            return false;
        }
        boolean userMatches = MessageDigest.isEqual(USER.getBytes(StandardCharsets.UTF_8),
                user.getBytes(StandardCharsets.UTF_8));
        if (userMatches && cache.contains(password)) {
            return true;
        }
        synchronized (slowCheckLock) {
            if (userMatches && cache.contains(password)) {
                return true;
            }
            // Derive even for a wrong user name, so that timing does not tell which part was wrong.
            boolean passwordMatches = hash.matches(password);
            if (passwordMatches && userMatches) {
                cache.remember(password);
                return true;
            }
            return false;
        }
    }
}
