package org.bakusoku.webconsole.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsKeystoreTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path data;

    private final SecureRandom random = new SecureRandom();

    private TlsKeystore.Names names() throws Exception {
        return new TlsKeystore.Names("pi", List.of("pi", "localhost", "pi.local"),
                List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("192.168.1.20"),
                        InetAddress.getByName("::1")));
    }

    @Test
    void generatedCertificateHasTheProfileBrowsersNeedAndSurvivesARestart() throws Exception {
        Path tls = data.resolve("tls");

        TlsKeystore.Keystore first = TlsKeystore.ensure(tls, names(), NOW, random);

        X509Certificate cert = first.certificate();
        assertThat(first.origin()).isEqualTo("generated");
        assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(cert.getSubjectAlternativeNames()).extracting(n -> String.valueOf(n.get(1))).containsExactlyInAnyOrder("pi",
                "localhost", "pi.local", "127.0.0.1", "192.168.1.20", "0:0:0:0:0:0:0:1");
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(cert.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(826));
        cert.verify(cert.getPublicKey());
        assertThat(TlsKeystore.load(first.file(), first.password())).isEqualTo(cert);
        assertThat(first.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls))).isEqualTo("rwx------");
        for (String file : new String[] { TlsKeystore.KEYSTORE, TlsKeystore.PASSWORD }) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve(file))))
                    .isEqualTo("rw-------");
        }
        byte[] stored = Files.readAllBytes(first.file());

        TlsKeystore.Keystore again = TlsKeystore.ensure(tls, names(), NOW.plus(Duration.ofDays(90)), random);

        assertThat(again.certificate()).isEqualTo(cert);
        assertThat(again.password()).isEqualTo(first.password());
        assertThat(Files.readAllBytes(again.file())).isEqualTo(stored);
    }

    @Test
    void generatedCertificateIsRenewedShortlyBeforeItExpires() throws Exception {
        Path tls = data.resolve("tls");
        X509Certificate first = TlsKeystore.ensure(tls, names(), NOW, random).certificate();

        X509Certificate renewed = TlsKeystore.ensure(tls, names(), NOW.plus(Duration.ofDays(800)), random)
                .certificate();

        assertThat(renewed).isNotEqualTo(first);
        assertThat(renewed.getNotAfter().toInstant()).isAfter(first.getNotAfter().toInstant());
    }

    @Test
    void usersOwnPemPairIsServedAndNotRewrittenWhenUnchanged() throws Exception {
        Path tls = Files.createDirectories(data.resolve("tls"));
        KeyPair rsa = rsaKeys();
        X509Certificate own = certificate(rsa, "CN=camera.example.org");
        writePem(tls.resolve(TlsKeystore.CERT_PEM), own);
        writePem(tls.resolve(TlsKeystore.KEY_PEM), rsa.getPrivate());

        TlsKeystore.Keystore served = TlsKeystore.ensure(tls, names(), NOW, random);

        assertThat(served.origin()).isEqualTo("cert.pem + key.pem");
        assertThat(served.certificate()).isEqualTo(own);
        assertThat(TlsKeystore.load(served.file(), served.password())).isEqualTo(own);
        byte[] stored = Files.readAllBytes(served.file());
        assertThat(TlsKeystore.ensure(tls, names(), NOW, random).certificate()).isEqualTo(own);
        assertThat(Files.readAllBytes(served.file())).isEqualTo(stored);
    }

    @Test
    void keyThatDoesNotBelongToTheCertificateIsRefused() throws Exception {
        Path tls = Files.createDirectories(data.resolve("tls"));
        writePem(tls.resolve(TlsKeystore.CERT_PEM), certificate(rsaKeys(), "CN=a"));
        writePem(tls.resolve(TlsKeystore.KEY_PEM), rsaKeys().getPrivate());

        assertThatThrownBy(() -> TlsKeystore.ensure(tls, names(), NOW, random))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("does not belong");
    }

    @Test
    void usersKeystoreWithoutItsPasswordIsRefusedNotReplaced() throws Exception {
        Path tls = data.resolve("tls");
        TlsKeystore.ensure(tls, names(), NOW, random);
        Files.delete(tls.resolve(TlsKeystore.PASSWORD));
        byte[] stored = Files.readAllBytes(tls.resolve(TlsKeystore.KEYSTORE));

        assertThatThrownBy(() -> TlsKeystore.ensure(tls, names(), NOW, random))
                .hasMessageContaining("keystore.password");
        assertThat(Files.readAllBytes(tls.resolve(TlsKeystore.KEYSTORE))).isEqualTo(stored);
    }

    private KeyPair rsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(KeyPair keys, String name) throws Exception {
        X500Name subject = new X500Name(name);
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
                BigInteger.TEN, Date.from(NOW), Date.from(NOW.plus(Duration.ofDays(90))), subject, keys.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private static void writePem(Path file, Object object) throws Exception {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object);
        }
    }
}
