package org.bakusoku.webconsole.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's single login, user {@value #USER}. At first start its password is either preseeded by the
 * OS image ({@value #PRESEED_FILE}) or generated.
 *
 * <p>Files in the data folder ({@code bakusoku.data}):
 * <ul>
 * <li>{@value #HASH_FILE}: the salted PBKDF2 hash ({@link PasswordHash}), replaced atomically, mode 0600;
 * <li>{@value #INITIAL_FILE}: the generated clear password, created with mode 0600, for the owner to read
 * once; deleted when the password is changed;
 * <li>{@value #GENERATED_MARKER}: present while the password is still the generated one, so that the
 * browser login asks for a new one ({@link #mustChangePassword()});
 * <li>{@value #PRESEED_FILE}: written by the OS image's first-boot script from the user's
 * {@code bakusoku.txt}; read once, hashed, deleted, never printed.
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
    /** Marker file: the password is still the generated one. */
    public static final String GENERATED_MARKER = "admin-password-generated";
    /** Clear-text password preseeded by the OS image, used once at first start. */
    public static final String PRESEED_FILE = "preseed-password";
    /** Length of generated passwords: 20 symbols of 56 give 116 bits of entropy. */
    static final int PASSWORD_LENGTH = 20;
    /** Letters and digits without the look-alikes 0/O/o, 1/I/l, so the password can be typed from a screen. */
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz";
    /** How long a verified password is served from the {@link VerifiedPasswordCache}. */
    static final long CACHE_TTL_NANOS = TimeUnit.MINUTES.toNanos(10);
    /** Longer presented passwords are refused without hashing them. */
    static final int MAX_PASSWORD_CHARS = 256;

    private static final Logger LOG = LoggerFactory.getLogger(AdminAccount.class);

    /** Result of {@link #check(String, String)}. */
    public enum Check {
        /** Wrong user name or password, or the account is locked. */
        REFUSED,
        /** Right, proven by a full PBKDF2 derivation: worth an audit line as a login. */
        VERIFIED,
        /** Right, proven by the {@link VerifiedPasswordCache} (the same password was verified recently). */
        CACHED
    }

    private final Path dataDir;
    private final SecureRandom random;
    private final VerifiedPasswordCache cache;
    private final Object slowCheckLock = new Object();
    private volatile PasswordHash hash;
    private volatile boolean mustChange;

    private AdminAccount(Path dataDir, SecureRandom random, VerifiedPasswordCache cache, PasswordHash hash,
            boolean mustChange) {
        this.dataDir = dataDir;
        this.random = random;
        this.cache = cache;
        this.hash = hash;
        this.mustChange = mustChange;
    }

    /**
     * Opens the account stored in {@code dataDir}, creating it at first start from {@value #PRESEED_FILE} if
     * present, else from a generated password. Never throws: when the files cannot be read or written the
     * error is logged and the returned account refuses every login.
     *
     * @param dataDir    data folder, created if missing
     * @param consoleUrl URL shown in the first-start banner
     * @param banner     receives the first-start banner (user, where the generated password is, URL) exactly once
     *                   per generated password, never the password itself; never called for a preseeded one
     * @param nanoClock  monotonic clock for the verification cache, nanoseconds
     * @param random     source of the password, salt and cache key
     * @return the account
     */
    public static AdminAccount open(Path dataDir, String consoleUrl, Consumer<String> banner, LongSupplier nanoClock,
            SecureRandom random) {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(CACHE_TTL_NANOS, nanoClock, random);
        Path hashFile = dataDir.resolve(HASH_FILE);
        try {
            String preseed = readPreseed(dataDir);
            if (Files.exists(hashFile)) {
                if (preseed != null) {
                    LOG.warn("{} ignored and deleted: the admin password is already set. To reset it, stop, delete "
                            + "{} and start again.", dataDir.resolve(PRESEED_FILE), hashFile.toAbsolutePath());
                    Files.deleteIfExists(dataDir.resolve(PRESEED_FILE));
                }
                return new AdminAccount(dataDir, random, cache, PasswordHash.parse(Files.readString(hashFile)),
                        Files.exists(dataDir.resolve(GENERATED_MARKER)));
            }
            if (preseed != null) {
                String problem = PasswordPolicy.problem(preseed, null);
                if (problem == null) {
                    PasswordHash created = PasswordHash.create(preseed, random);
                    SecretFiles.writeAtomically(hashFile, created.format() + "\n");
                    // Only now, with the hash durable: a power cut before this line leaves the preseed to retry.
                    Files.deleteIfExists(dataDir.resolve(PRESEED_FILE));
                    LOG.info("admin password set from the preseeded file (not shown)");
                    return new AdminAccount(dataDir, random, cache, created, false);
                }
                LOG.error("preseeded admin password refused ({}); generating one instead", problem);
                Files.deleteIfExists(dataDir.resolve(PRESEED_FILE));
            }
            return new AdminAccount(dataDir, random, cache, generate(dataDir, consoleUrl, banner, random), true);
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            LOG.error("admin account in {} is unusable, every login is refused: {}. Delete {} and restart to "
                    + "generate a new password.", dataDir.toAbsolutePath(), e.getMessage(), hashFile.toAbsolutePath());
            return new AdminAccount(dataDir, random, cache, null, false);
        }
    }

    /**
     * Reads the preseed file; its content never reaches a log. The caller deletes the file once the outcome is
     * durable (hash written, or the preseed refused or ignored).
     */
    private static String readPreseed(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PRESEED_FILE);
        if (!Files.exists(file)) {
            return null;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            LOG.warn("{} was readable by other users (mode {}); it should be 0600", file,
                    java.nio.file.attribute.PosixFilePermissions.toString(mode));
        }
        // Only the line end is cut: spaces inside or around a password are the user's choice.
        return Files.readString(file, StandardCharsets.UTF_8).replaceAll("[\r\n]+$", "");
    }

    private static PasswordHash generate(Path dataDir, String consoleUrl, Consumer<String> banner, SecureRandom random)
            throws IOException {
        Files.createDirectories(dataDir);
        String password = generatePassword(random);
        // Clear password first: if power fails before the hash is written, the next start simply begins again.
        Path initial = dataDir.resolve(INITIAL_FILE);
        Files.deleteIfExists(initial);
        SecretFiles.writeNew(initial, password + "\n");
        Files.deleteIfExists(dataDir.resolve(GENERATED_MARKER));
        SecretFiles.writeNew(dataDir.resolve(GENERATED_MARKER), "the admin password is still the generated one\n");
        PasswordHash created = PasswordHash.create(password, random);
        SecretFiles.writeAtomically(dataDir.resolve(HASH_FILE), created.format() + "\n");
        // The password itself stays out of the log (logs are kept, shipped and shared); the file is owner-only.
        banner.accept(String.join(System.lineSeparator(),
                "",
                "==================================================================",
                " Bakusoku console login (first start)",
                "   user:     " + USER,
                "   password: generated, in " + initial.toAbsolutePath() + " (mode 0600)",
                "   console:  " + consoleUrl,
                " The first browser login asks you to choose a new password; the file is deleted then.",
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
     * @return whether and how the credentials were proven
     */
    public Check check(String user, String password) {
        PasswordHash current = hash;
        if (current == null || user == null || password == null || password.isEmpty()
                || password.length() > MAX_PASSWORD_CHARS) {
            return Check.REFUSED;
        }
        boolean userMatches = MessageDigest.isEqual(USER.getBytes(StandardCharsets.UTF_8),
                user.getBytes(StandardCharsets.UTF_8));
        if (userMatches && cache.contains(password)) {
            return Check.CACHED;
        }
        synchronized (slowCheckLock) {
            if (userMatches && cache.contains(password)) {
                return Check.CACHED;
            }
            // Derive even for a wrong user name, so that timing does not tell which part was wrong.
            boolean passwordMatches = hash.matches(password);
            if (passwordMatches && userMatches) {
                cache.remember(password);
                return Check.VERIFIED;
            }
            return Check.REFUSED;
        }
    }

    /**
     * @param user     presented user name, may be null
     * @param password presented password, may be null
     * @return true if the user is {@value #USER} and the password is the stored one
     * @see #check(String, String)
     */
    public boolean verify(String user, String password) {
        return check(user, password) != Check.REFUSED;
    }

    /** @return true while the password is still the generated one (the browser login then asks for a new one) */
    public boolean mustChangePassword() {
        return mustChange;
    }

    /**
     * Replaces the password: writes the new hash atomically, forgets the verification cache, deletes
     * {@value #INITIAL_FILE} and {@value #GENERATED_MARKER}. The caller has checked the current password and
     * the {@link PasswordPolicy}.
     *
     * @param newPassword the new clear password
     * @throws IOException           if the hash file cannot be written; the old password then stays valid
     * @throws IllegalStateException if the account is locked (damaged hash file)
     */
    public void changePassword(String newPassword) throws IOException {
        if (hash == null) {
            throw new IllegalStateException("the account is locked; see the log for the recovery procedure");
        }
        synchronized (slowCheckLock) {
            PasswordHash created = PasswordHash.create(newPassword, random);
            SecretFiles.writeAtomically(dataDir.resolve(HASH_FILE), created.format() + "\n");
            hash = created;
            cache.clear();
            mustChange = false;
        }
        Files.deleteIfExists(dataDir.resolve(INITIAL_FILE));
        Files.deleteIfExists(dataDir.resolve(GENERATED_MARKER));
    }
}
