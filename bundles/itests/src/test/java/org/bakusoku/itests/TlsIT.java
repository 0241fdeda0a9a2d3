package org.bakusoku.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;

import javax.inject.Inject;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;

/**
 * HTTPS with the certificate generated at first start under {@code <data>/tls}: the appliance answers with
 * exactly that certificate (the client trusts nothing else and checks the host name against it), session
 * cookies are {@code Secure} there, and after the HTTP runtime and the webconsole bundle restart the same
 * certificate is served from the same, untouched keystore.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class TlsIT extends ApplianceTestSupport {

    @Inject
    private BundleContext context;

    @Test
    public void httpsServesTheGeneratedCertificateAndKeepsItAcrossARestart() throws Exception {
        String httpsBase = awaitHttpsEndpoint();
        Path keystore = DATA.resolve("tls/keystore.p12");
        X509Certificate stored = storedCertificate(keystore);
        byte[] keystoreBytes = Files.readAllBytes(keystore);
        WebClient https = new WebClient(httpsBase, trustOnly(stored));

        WebClient.Answer health = awaitHealth(https);
        assertEquals(stored, health.serverCertificates()[0]);
        assertEquals("DENY", health.header("X-Frame-Options"));
        assertNull("no server banner", health.header("Server"));
        assertEquals(200, https.get("/api/v1/auth/me", WebClient.basic(adminPassword())).status());
        WebClient.Answer login = https.postForm("/login", Map.of("Origin", httpsBase),
                Map.of("user", "admin", "password", adminPassword()));
        assertEquals(303, login.status());
        assertTrue(login.setCookies().get(0), login.setCookies().get(0).endsWith("; Secure"));

        Bundle jetty = bundle("org.apache.felix.http.jetty12");
        Bundle webconsole = bundle("org.bakusoku.webconsole");
        try {
            webconsole.stop();
            jetty.stop();
        } finally {
            jetty.start();
            webconsole.start();
        }

        WebClient.Answer again = awaitHealth(new WebClient(awaitHttpsEndpoint(), trustOnly(stored)));
        assertEquals("the same certificate after the restart", stored, again.serverCertificates()[0]);
        assertArrayEquals("the keystore was not rewritten", keystoreBytes, Files.readAllBytes(keystore));
        WebClient http = new WebClient(baseUrl(context), null);
        long deadline = System.currentTimeMillis() + 30_000;
        while (http.get("/system/console/bundles", WebClient.basic(adminPassword())).status() != 200
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200); // leave the console up for the other tests of the suite
        }
    }

    private static X509Certificate storedCertificate(Path keystore) throws Exception {
        String password = Files.readString(keystore.resolveSibling("keystore.password"), StandardCharsets.UTF_8).strip();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        for (String alias : Collections.list(store.aliases())) {
            Certificate certificate = store.getCertificate(alias);
            if (store.isKeyEntry(alias) && certificate instanceof X509Certificate x509) {
                return x509;
            }
        }
        throw new AssertionError("no key entry in " + keystore);
    }

    /** A TLS context that trusts this one certificate and nothing else. */
    private static SSLContext trustOnly(X509Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("appliance", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return tls;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /** @return the HTTPS base URL from the HTTP runtime's endpoints, once HTTPS is up */
    private String awaitHttpsEndpoint() throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<HttpServiceRuntime> ref = context.getServiceReference(HttpServiceRuntime.class);
            Object endpoints = ref == null ? null : ref.getProperty("osgi.http.endpoint");
            for (String url : endpoints instanceof String[] all ? all : new String[] { String.valueOf(endpoints) }) {
                if (url.startsWith("https://")) {
                    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no https endpoint within 30 s");
    }

    private static WebClient.Answer awaitHealth(WebClient https) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        Exception last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                WebClient.Answer answer = https.get("/api/v1/health", Map.of());
                if (answer.status() == 200) {
                    return answer;
                }
            } catch (java.io.IOException e) {
                last = e; // not listening yet, or (a failure to report) another certificate
            }
            Thread.sleep(200);
        }
        throw new AssertionError("HTTPS health did not answer 200 within 30 s", last);
    }
}
