package org.bakusoku.webconsole.internal.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates the appliance's self-signed TLS certificate with BouncyCastle's certificate builder (the JDK has
 * no public API to create certificates); keys and signatures come from the JDK's own providers.
 *
 * <p>Profile, chosen so that current browsers accept it once the user trusts it: an ECDSA P-256 key signed
 * with SHA-256 (RFC 5480), the names in subjectAltName (browsers ignore the common name, RFC 6125), key
 * usage digitalSignature, extended key usage serverAuth, not a CA (RFC 5280 section 4.2), and a validity of
 * {@link #VALIDITY} (Apple platforms refuse server certificates valid longer than 825 days).
 */
final class SelfSignedCertificate {

    /** Validity of a generated certificate. */
    static final Duration VALIDITY = Duration.ofDays(825);
    /** Organisation in the subject; marks a certificate as generated here (and so renewable here). */
    static final String ORGANISATION = "Bakusoku appliance (self-signed)";

    private SelfSignedCertificate() {
    }

    /**
     * A generated key and its certificate.
     *
     * @param keyPair     the key pair
     * @param certificate the self-signed certificate
     */
    record Generated(KeyPair keyPair, X509Certificate certificate) {
    }

    /**
     * @param commonName the subject's common name (the host name)
     * @param dnsNames   host names the certificate is valid for
     * @param addresses  IP addresses it is valid for (scope ids are dropped)
     * @param now        the current time; validity starts one day earlier (clock skew) and lasts
     *                   {@link #VALIDITY}
     * @param random     source of the key and the serial number
     * @return the key pair and certificate
     * @throws GeneralSecurityException if the JDK lacks EC P-256 or SHA256withECDSA (every OpenJDK 17 has them)
     */
    static Generated create(String commonName, Collection<String> dnsNames, Collection<InetAddress> addresses,
            Instant now, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.O, ORGANISATION).build();
        BigInteger serial = new BigInteger(127, random).setBit(126); // positive, 16 bytes (RFC 5280 4.1.2.2)
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
        for (InetAddress address : addresses) {
            String literal = address.getHostAddress();
            int scope = literal.indexOf('%');
            names.add(new GeneralName(GeneralName.iPAddress, scope < 0 ? literal : literal.substring(0, scope)));
        }
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(new GeneralName[0])));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new Generated(keys, certificate);
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("certificate could not be built: " + e.getMessage(), e);
        }
    }

    /**
     * @param certificate a certificate
     * @return true if it was generated by {@link #create}
     */
    static boolean isGenerated(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName().contains("O=" + ORGANISATION);
    }
}
