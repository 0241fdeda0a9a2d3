package org.bakusoku.webconsole.internal.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.bakusoku.webconsole.internal.auth.SecretFiles;

/**
 * The HTTPS key and certificate under {@code <data>/tls}, in the PKCS#12 keystore that Jetty reads. Which
 * one is served, in this order:
 * <ol>
 * <li>the user's {@value #CERT_PEM} + {@value #KEY_PEM} (PEM): converted into {@value #KEYSTORE} whenever it
 * differs from them;</li>
 * <li>the user's (or a previously generated) {@value #KEYSTORE} with its password in {@value #PASSWORD};</li>
 * <li>else a self-signed certificate generated now ({@link SelfSignedCertificate}), kept across restarts and
 * renewed {@link #RENEW_BEFORE} before it expires (only generated ones are renewed).</li>
 * </ol>
 * Files are created owner-only (0600, folder 0700).
 */
final class TlsKeystore {

    /** Keystore file Jetty reads. */
    static final String KEYSTORE = "keystore.p12";
    /** Its password, one line. */
    static final String PASSWORD = "keystore.password";
    /** A user's certificate chain in PEM. */
    static final String CERT_PEM = "cert.pem";
    /** A user's private key in PEM. */
    static final String KEY_PEM = "key.pem";
    /** Alias of the key entry. */
    static final String ALIAS = "bakusoku";
    /** Generated certificates are renewed this long before they expire. */
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private TlsKeystore() {
    }

    /**
     * Names a generated certificate is valid for.
     *
     * @param commonName the host name
     * @param dnsNames   host names
     * @param addresses  IP addresses
     */
    record Names(String commonName, List<String> dnsNames, List<InetAddress> addresses) {
    }

    /**
     * The keystore to serve.
     *
     * @param file        the PKCS#12 file
     * @param password    its password (store and key)
     * @param certificate the server certificate
     * @param origin      where it came from, for the log: {@code generated}, {@code cert.pem + key.pem} or
     *                    {@code keystore.p12}
     */
    record Keystore(Path file, String password, X509Certificate certificate, String origin) {
        /** @return SHA-256 fingerprint of the certificate, upper-case hex pairs joined by colons */
        String fingerprint() throws GeneralSecurityException {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        }

        @Override
        public String toString() {
            return "Keystore[" + file + ", " + origin + ", password=***]";
        }
    }

    /**
     * @param dir    the {@code tls} folder, created if missing
     * @param names  names for a certificate generated now
     * @param now    the current time
     * @param random source of keys and passwords
     * @return the keystore to serve
     * @throws IOException              if files cannot be read or written, or a keystore has no password file
     * @throws GeneralSecurityException if a keystore or PEM pair is unusable, saying why
     */
    static Keystore ensure(Path dir, Names names, Instant now, SecureRandom random)
            throws IOException, GeneralSecurityException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        Path keystore = dir.resolve(KEYSTORE);
        Path passwordFile = dir.resolve(PASSWORD);
        if (Files.exists(dir.resolve(CERT_PEM)) && Files.exists(dir.resolve(KEY_PEM))) {
            String password = password(passwordFile, random);
            PemKeystore.Pair pair = PemKeystore.read(dir.resolve(CERT_PEM), dir.resolve(KEY_PEM));
            X509Certificate current = Files.exists(keystore) ? loadOrNull(keystore, password) : null;
            if (!pair.chain()[0].equals(current)) {
                write(keystore, password, pair.key(), pair.chain());
            }
            return new Keystore(keystore, password, pair.chain()[0], CERT_PEM + " + " + KEY_PEM);
        }
        if (Files.exists(keystore)) {
            if (!Files.exists(passwordFile)) {
                throw new IOException(KEYSTORE + " has no " + PASSWORD + " beside it; put its password there");
            }
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            X509Certificate certificate = load(keystore, password);
            boolean generated = SelfSignedCertificate.isGenerated(certificate);
            if (!generated || certificate.getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE))) {
                return new Keystore(keystore, password, certificate, generated ? "generated" : KEYSTORE);
            }
        }
        String password = password(passwordFile, random);
        SelfSignedCertificate.Generated generated = SelfSignedCertificate.create(names.commonName(),
                names.dnsNames(), names.addresses(), now, random);
        write(keystore, password, generated.keyPair().getPrivate(), new X509Certificate[] { generated.certificate() });
        return new Keystore(keystore, password, generated.certificate(), "generated");
    }

    private static String password(Path file, SecureRandom random) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        SecretFiles.writeAtomically(file, password + "\n");
        return password;
    }

    private static void write(Path file, String password, PrivateKey key, X509Certificate[] chain)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key, password.toCharArray(), chain);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password.toCharArray());
        SecretFiles.writeAtomically(file, bytes.toByteArray());
    }

    /**
     * @param file     a PKCS#12 keystore
     * @param password its password
     * @return the certificate of its (first) key entry
     * @throws IOException              if unreadable or the password is wrong
     * @throws GeneralSecurityException if it holds no key entry with a certificate
     */
    static X509Certificate load(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        for (String alias : Collections.list(store.aliases())) {
            Certificate certificate = store.getCertificate(alias);
            if (store.isKeyEntry(alias) && certificate instanceof X509Certificate x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException(file.getFileName() + " holds no key with a certificate");
    }

    private static X509Certificate loadOrNull(Path file, String password) {
        try {
            return load(file, password);
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
    }

    /** @return a lower-case host name without a trailing dot */
    static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
