package org.bakusoku.webconsole.internal.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads a user's own certificate and key in PEM form ({@code cert.pem}: the server certificate first, then
 * any intermediates; {@code key.pem}: an unencrypted PKCS#8, PKCS#1 RSA or SEC 1 EC key, as written by
 * openssl, certbot or a company CA) with BouncyCastle's PEM parser.
 */
final class PemKeystore {

    private PemKeystore() {
    }

    /**
     * The parsed pair.
     *
     * @param key   the private key
     * @param chain the certificate chain, server certificate first
     */
    record Pair(PrivateKey key, X509Certificate[] chain) {
    }

    /**
     * @param certPem certificate chain file
     * @param keyPem  private key file
     * @return the key and chain
     * @throws IOException              if a file is missing, unreadable, empty or holds an encrypted key
     * @throws GeneralSecurityException if the key does not belong to the first certificate
     */
    static Pair read(Path certPem, Path keyPem) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter certificates = new JcaX509CertificateConverter();
        try (Reader in = Files.newBufferedReader(certPem); PEMParser parser = new PEMParser(in)) {
            for (Object o; (o = parser.readObject()) != null;) {
                if (o instanceof X509CertificateHolder holder) {
                    chain.add(certificates.getCertificate(holder));
                }
            }
        }
        if (chain.isEmpty()) {
            throw new IOException(certPem.getFileName() + " holds no certificate");
        }
        PrivateKey key = null;
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        try (Reader in = Files.newBufferedReader(keyPem); PEMParser parser = new PEMParser(in)) {
            for (Object o; key == null && (o = parser.readObject()) != null;) {
                if (o instanceof PEMKeyPair pair) {
                    key = keys.getKeyPair(pair).getPrivate();
                } else if (o instanceof PrivateKeyInfo info) {
                    key = keys.getPrivateKey(info);
                } else if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new IOException(keyPem.getFileName() + " is encrypted; store it decrypted (mode 0600), "
                            + "e.g. openssl pkey -in key.pem -out key.pem");
                }
            }
        }
        if (key == null) {
            throw new IOException(keyPem.getFileName() + " holds no private key");
        }
        checkBelongs(key, chain.get(0).getPublicKey());
        return new Pair(key, chain.toArray(new X509Certificate[0]));
    }

    /** Signs a random challenge with the key and verifies it with the certificate's public key. */
    private static void checkBelongs(PrivateKey key, PublicKey publicKey) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new GeneralSecurityException("unsupported key type " + key.getAlgorithm());
        };
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(challenge);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("key.pem does not belong to the first certificate in cert.pem");
        }
    }
}
