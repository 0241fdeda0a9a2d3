package org.bakusoku.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The browser login end to end: the generated password logs in and is asked to be replaced; CSRF defence in
 * front of the Felix Web Console (bundle install) and of our JSON API (password change, API tokens); the
 * generated password stops working once a new one is set; the audit log records it all.
 *
 * <p>The suite shares one framework, so the password is set back to the generated one at the end (and
 * {@code initial-password}, which a change deletes, rewritten) for the other tests.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleSecurityIT extends ApplianceTestSupport {

    private static final String CHOSEN = "it-chosen pass phrase 42";
    private static final String EVIL = "http://evil.example";
    private static final String PROBE = "org.bakusoku.itests.csrf.probe";

    @Inject
    private BundleContext context;

    @Test
    public void loginCsrfAndPasswordChange() throws Exception {
        String base = baseUrl(context);
        WebClient web = new WebClient(base, null);
        String initial = adminPassword();
        awaitLoginPage(web);

        WebClient.Answer login = web.postForm("/login", Map.of("Origin", base),
                Map.of("user", "admin", "password", initial, "next", "/system/console/bundles"));
        assertEquals(login.body(), 303, login.status());
        assertEquals("the generated password asks for a new one", "/system/console/security", login.header("Location"));
        String cookie = login.sessionCookie();
        assertNotNull(login.setCookies().toString(), cookie);
        assertTrue(login.setCookies().get(0), login.setCookies().get(0).contains("HttpOnly")
                && login.setCookies().get(0).contains("SameSite=Strict"));
        Map<String, String> browser = Map.of("Cookie", "bakusoku_session=" + cookie, "Origin", base);

        WebClient.Answer elsewhere = web.get("/system/console/bundles",
                WebClient.with(WebClient.PAGE_OPENING, "Cookie", "bakusoku_session=" + cookie));
        assertEquals(302, elsewhere.status());
        assertEquals("/system/console/security", elsewhere.header("Location"));
        String token = csrfToken(web.get("/system/console/security", browser));
        assertEquals("login from another site", 403,
                web.postForm("/login", Map.of("Origin", EVIL), Map.of("user", "admin", "password", initial)).status());

        try {
            String change = "{\"current_password\": \"" + initial + "\", \"new_password\": \"" + CHOSEN + "\"}";
            assertEquals(403, web.postJson("/api/v1/auth/password",
                    WebClient.with(browser, "Origin", EVIL, "X-CSRF-Token", token), change).status());
            assertEquals(403, web.postJson("/api/v1/auth/password", browser, change).status());
            assertEquals("refused requests changed nothing", 200,
                    web.get("/api/v1/auth/me", WebClient.basic(initial)).status());
            WebClient.Answer changed = web.postJson("/api/v1/auth/password",
                    WebClient.with(browser, "X-CSRF-Token", token), change);
            assertEquals(changed.body(), 200, changed.status());

            assertEquals("the generated password stops working", 401,
                    web.get("/api/v1/auth/me", WebClient.basic(initial)).status());
            assertEquals(200, web.get("/api/v1/auth/me", WebClient.basic(CHOSEN)).status());
            String stored = Files.readString(DATA.resolve("admin-password"), StandardCharsets.UTF_8);
            assertTrue(stored, stored.startsWith("pbkdf2-sha256$") && !stored.contains(CHOSEN)
                    && !stored.contains(initial));
            assertFalse(Files.exists(DATA.resolve("initial-password")));

            consoleInstallNeedsSameOriginAndToken(web, browser, token);
            apiTokenCreationNeedsSameOriginAndToken(web, browser, token);

            String audit = Files.readString(DATA.resolve("audit.log"), StandardCharsets.UTF_8);
            for (String line : new String[] { "via=form from=127.0.0.1 what=\"login\" result=ok",
                    "what=\"password change\" result=ok", "what=\"POST /system/console/bundles\" result=403-csrf",
                    "via=session from=127.0.0.1 what=\"POST /system/console/bundles\" result=302",
                    "what=\"POST /api/v1/auth/tokens\" result=201" }) {
                assertTrue("audit log has " + line + ":\n" + audit, audit.contains(line));
            }
        } finally {
            restoreGeneratedPassword(web, initial);
        }
    }

    private void consoleInstallNeedsSameOriginAndToken(WebClient web, Map<String, String> browser, String token)
            throws Exception {
        byte[] probe = probeBundle();
        assertEquals(403, web.installBundle("/system/console/bundles?csrf_token=" + token,
                WebClient.with(browser, "Origin", EVIL), probe).status());
        assertEquals(403, web.installBundle("/system/console/bundles", browser, probe).status());
        Thread.sleep(500);
        assertFalse("refused installs installed nothing", probeInstalled());

        WebClient.Answer installed = web.installBundle("/system/console/bundles?csrf_token=" + token, browser, probe);
        assertEquals(installed.body(), 302, installed.status());
        long deadline = System.currentTimeMillis() + 15_000;
        while (!probeInstalled() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100); // the console installs in the background
        }
        assertTrue("the same request with the token installs the bundle", probeInstalled());
        for (Bundle b : context.getBundles()) {
            if (PROBE.equals(b.getSymbolicName())) {
                b.uninstall();
            }
        }
    }

    private void apiTokenCreationNeedsSameOriginAndToken(WebClient web, Map<String, String> browser, String token)
            throws Exception {
        String before = web.get("/api/v1/auth/tokens", browser).body();
        assertEquals(403, web.postJson("/api/v1/auth/tokens",
                WebClient.with(browser, "Origin", EVIL, "X-CSRF-Token", token), "{\"name\": \"csrf\"}").status());
        assertEquals(403, web.postJson("/api/v1/auth/tokens",
                WebClient.with(browser, "Sec-Fetch-Site", "cross-site", "X-CSRF-Token", token),
                "{\"name\": \"csrf\"}").status());
        assertEquals("refused requests created no token", before, web.get("/api/v1/auth/tokens", browser).body());

        WebClient.Answer created = web.postJson("/api/v1/auth/tokens",
                WebClient.with(browser, "X-CSRF-Token", token), "{\"name\": \"csrf\"}");
        assertEquals(created.body(), 201, created.status());
        String secret = created.field("token");
        assertEquals(200, web.get("/api/v1/auth/me", Map.of("Authorization", "Bearer " + secret)).status());
        assertEquals(204, web.send("DELETE", "/api/v1/auth/tokens/" + created.field("id"),
                WebClient.with(browser, "X-CSRF-Token", token), null, null).status());
        assertEquals(401, web.get("/api/v1/auth/me", Map.of("Authorization", "Bearer " + secret)).status());
    }

    /** Sets the generated password again, for the other tests of the suite, and its file (a change deletes it). */
    private static void restoreGeneratedPassword(WebClient web, String initial) throws Exception {
        WebClient.Answer restored = web.postJson("/api/v1/auth/password", WebClient.basic(CHOSEN),
                "{\"current_password\": \"" + CHOSEN + "\", \"new_password\": \"" + initial + "\"}");
        if (restored.status() == 200 || !Files.exists(DATA.resolve("initial-password"))) {
            Files.writeString(DATA.resolve("initial-password"), initial + "\n", StandardCharsets.UTF_8);
        }
        assertEquals(200, web.get("/api/v1/auth/me", WebClient.basic(initial)).status());
    }

    private boolean probeInstalled() {
        return Arrays.stream(context.getBundles()).anyMatch(b -> PROBE.equals(b.getSymbolicName()));
    }

    private static String csrfToken(WebClient.Answer page) {
        assertEquals(page.body(), 200, page.status());
        Matcher m = Pattern.compile("<meta name=\"csrf-token\" content=\"([A-Za-z0-9_-]+)\"").matcher(page.body());
        assertTrue("the console page carries the session's CSRF token", m.find());
        assertTrue(page.body().contains("/system/console/security/res/security/csrf.js"));
        return m.group(1);
    }

    private static byte[] probeBundle() throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", PROBE);
        main.putValue("Bundle-Version", "1.0.0");
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        new JarOutputStream(jar, manifest).close();
        return jar.toByteArray();
    }

    private static void awaitLoginPage(WebClient web) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (web.get("/login", Map.of()).status() == 200
                        && web.get("/system/console/security", WebClient.basic(adminPassword())).status() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // the HTTP runtime restarts once when the network settings are first applied
            }
            Thread.sleep(200);
        }
        throw new AssertionError("login page and Security page not served within 30 s");
    }
}
