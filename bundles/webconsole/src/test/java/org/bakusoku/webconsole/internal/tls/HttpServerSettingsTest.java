package org.bakusoku.webconsole.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import jakarta.servlet.http.HttpServletRequest;

class HttpServerSettingsTest {

    @TempDir
    Path data;

    private final AtomicReference<Dictionary<String, Object>> stored = new AtomicReference<>();

    private static NetworkConfig config(String bind, boolean https, boolean redirect) {
        return new NetworkConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return NetworkConfig.class;
            }

            @Override
            public String bind_address() {
                return bind;
            }

            @Override
            public boolean https_enabled() {
                return https;
            }

            @Override
            public boolean http_redirect() {
                return redirect;
            }
        };
    }

    private Configuration jettyConfiguration(ConfigurationAdmin admin) throws Exception {
        Configuration jetty = mock(Configuration.class);
        when(admin.getConfiguration(HttpServerSettings.JETTY_PID, "?")).thenReturn(jetty);
        when(jetty.getProperties()).thenAnswer(a -> stored.get() == null ? null : new Hashtable<>(
                (Hashtable<String, Object>) stored.get()));
        org.mockito.Mockito.doAnswer(a -> {
            stored.set(a.getArgument(0));
            return null;
        }).when(jetty).update(any());
        return jetty;
    }

    private BundleContext context(String frameworkHost) {
        BundleContext context = mock(BundleContext.class);
        when(context.getProperty("bakusoku.data")).thenReturn(data.toString());
        when(context.getProperty("org.apache.felix.http.host")).thenReturn(frameworkHost);
        when(context.getProperty("org.osgi.service.http.port.secure")).thenReturn("8449");
        return context;
    }

    @Test
    void writesHostAndHttpsIntoTheJettyConfigurationOnlyWhenSomethingChanges() throws Exception {
        ConfigurationAdmin admin = mock(ConfigurationAdmin.class);
        Configuration jetty = jettyConfiguration(admin);
        Hashtable<String, Object> users = new Hashtable<>();
        users.put("org.apache.felix.http.timeout", "30000");
        stored.set(users);

        HttpServerSettings settings = new HttpServerSettings(context(null), admin, config("", true, false));

        Dictionary<String, Object> written = stored.get();
        assertThat(written.get("org.apache.felix.http.host")).isEqualTo("127.0.0.1");
        assertThat(written.get("org.apache.felix.https.enable")).isEqualTo("true");
        assertThat(written.get("org.apache.felix.https.keystore"))
                .isEqualTo(data.resolve("tls/keystore.p12").toAbsolutePath().toString());
        assertThat(written.get("org.apache.felix.https.keystore.type")).isEqualTo("PKCS12");
        assertThat(written.get("org.apache.felix.https.keystore.password"))
                .isEqualTo(Files.readString(data.resolve("tls/keystore.password")).strip());
        assertThat(written.get("org.apache.felix.http.jetty.sendServerHeader")).isEqualTo("false");
        assertThat(written.get("org.apache.felix.http.timeout")).as("the user's own key stays").isEqualTo("30000");

        settings.modified(config("", true, false));
        verify(jetty, times(1)).update(any());

        settings.modified(config("0.0.0.0", false, false));
        verify(jetty, times(2)).update(any());
        assertThat(stored.get().get("org.apache.felix.http.host")).isEqualTo("0.0.0.0");
        assertThat(stored.get().get("org.apache.felix.https.enable")).isEqualTo("false");
        assertThat(stored.get().get("org.apache.felix.https.keystore")).isNull();

        settings.modified(config("not an address!", false, false));
        assertThat(stored.get().get("org.apache.felix.http.host")).as("last good value stays").isEqualTo("0.0.0.0");
        verify(admin, times(4)).getConfiguration(eq(HttpServerSettings.JETTY_PID), eq("?"));
    }

    @Test
    void frameworkPropertyIsTheDefaultListenAddress() {
        assertThat(HttpServerSettings.chooseHost("", "0.0.0.0")).isEqualTo("0.0.0.0");
        assertThat(HttpServerSettings.chooseHost(" 192.168.1.5 ", "0.0.0.0")).isEqualTo("192.168.1.5");
        assertThat(HttpServerSettings.chooseHost(null, null)).isEqualTo("127.0.0.1");
        assertThat(HttpServerSettings.chooseHost("::1", null)).isEqualTo("::1");
        assertThat(HttpServerSettings.chooseHost("a b", null)).isNull();
    }

    @Test
    void redirectSendsPlainHttpToTheHttpsPortOnlyWhenSwitchedOn() throws Exception {
        ConfigurationAdmin admin = mock(ConfigurationAdmin.class);
        jettyConfiguration(admin);
        HttpServletRequest plain = mock(HttpServletRequest.class);
        when(plain.getServerName()).thenReturn("pi.local");
        when(plain.getRequestURI()).thenReturn("/system/console/bundles");
        when(plain.getQueryString()).thenReturn("a=1");

        HttpServerSettings settings = new HttpServerSettings(context("0.0.0.0"), admin, config("", true, false));
        assertThat(settings.httpsRedirect(plain)).isNull();
        assertThat(stored.get().get("org.apache.felix.http.host")).isEqualTo("0.0.0.0");

        settings.modified(config("", true, true));
        assertThat(settings.httpsRedirect(plain)).isEqualTo("https://pi.local:8449/system/console/bundles?a=1");
        when(plain.getServerName()).thenReturn("fe80::1");
        assertThat(settings.httpsRedirect(plain)).startsWith("https://[fe80::1]:8449/");
        HttpServletRequest secure = mock(HttpServletRequest.class);
        when(secure.isSecure()).thenReturn(true);
        assertThat(settings.httpsRedirect(secure)).isNull();

        settings.modified(config("", false, true));
        assertThat(settings.httpsRedirect(plain)).as("no HTTPS, no redirect").isNull();
    }
}
