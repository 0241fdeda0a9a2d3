package org.bakusoku.webconsole.internal.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Applies the console's network settings ({@value #PID}) to the HTTP runtime: it owns a few keys of the
 * Felix HTTP configuration {@value #JETTY_PID} (the listen address, HTTPS with the keystore of
 * {@link TlsKeystore}, no server banner) and leaves every other key there to the user. The ports stay
 * framework properties ({@code org.osgi.service.http.port}, default 8080; {@code
 * org.osgi.service.http.port.secure}, default 8443). Jetty restarts only when a value it reads changes.
 *
 * <p>With the framework property {@code org.apache.felix.http.require.config=true} Jetty does not listen at
 * all before this component has written its configuration, so the console is never reachable on an
 * interface or protocol the settings do not allow, not even during start-up.
 */
@Component(service = HttpServerSettings.class, immediate = true, configurationPid = HttpServerSettings.PID)
@Designate(ocd = NetworkConfig.class)
public final class HttpServerSettings {

    /** Configuration PID of these settings. */
    public static final String PID = "org.bakusoku.webconsole.http";
    /** Configuration PID of the Felix HTTP (Jetty) runtime. */
    static final String JETTY_PID = "org.apache.felix.http";
    /** Listen address when neither the configuration nor the framework property names one. */
    static final String DEFAULT_HOST = "127.0.0.1";

    static final String HOST = "org.apache.felix.http.host";
    static final String HTTPS_ENABLE = "org.apache.felix.https.enable";
    static final String KEYSTORE = "org.apache.felix.https.keystore";
    static final String KEYSTORE_PASSWORD = "org.apache.felix.https.keystore.password";
    static final String KEY_PASSWORD = "org.apache.felix.https.keystore.key.password";
    static final String KEYSTORE_TYPE = "org.apache.felix.https.keystore.type";
    static final String SERVER_HEADER = "org.apache.felix.http.jetty.sendServerHeader";
    /** Every key this component owns in {@value #JETTY_PID}. */
    static final List<String> OWNED = List.of(HOST, HTTPS_ENABLE, KEYSTORE, KEYSTORE_PASSWORD, KEY_PASSWORD,
            KEYSTORE_TYPE, SERVER_HEADER);

    private static final Logger LOG = LoggerFactory.getLogger(HttpServerSettings.class);

    private final ConfigurationAdmin configAdmin;
    private final Path tlsDir;
    private final String frameworkHost;
    private final int httpsPort;
    private volatile String host = DEFAULT_HOST;
    private volatile boolean redirect;

    /**
     * @param context     for the framework properties {@code bakusoku.data}, {@code org.apache.felix.http.host}
     *                    and {@code org.osgi.service.http.port.secure}
     * @param configAdmin where the Jetty configuration is written
     * @param config      the settings
     */
    @Activate
    public HttpServerSettings(BundleContext context, @Reference ConfigurationAdmin configAdmin, NetworkConfig config) {
        this.configAdmin = configAdmin;
        String data = context.getProperty("bakusoku.data");
        this.tlsDir = Path.of(data == null || data.isBlank() ? "./data" : data.strip(), "tls");
        this.frameworkHost = context.getProperty(HOST);
        this.httpsPort = port(context.getProperty("org.osgi.service.http.port.secure"));
        apply(config);
    }

    /** @param config the changed settings; a bad listen address is logged and the last good one stays */
    @Modified
    void modified(NetworkConfig config) {
        apply(config);
    }

    private synchronized void apply(NetworkConfig config) {
        String wanted = chooseHost(config.bind_address(), frameworkHost);
        if (wanted == null) {
            LOG.error("{}: bind.address '{}' is not an IP address or host name; keeping {}", PID,
                    config.bind_address(), host);
        } else {
            host = wanted;
        }
        TlsKeystore.Keystore keystore = config.https_enabled() ? keystore() : null;
        Map<String, Object> owned = JettyKeys.of(host, keystore);
        try {
            Configuration jetty = configAdmin.getConfiguration(JETTY_PID, "?");
            Dictionary<String, Object> current = jetty.getProperties();
            Dictionary<String, Object> next = current == null ? new Hashtable<>() : current;
            if (JettyKeys.merge(next, owned)) {
                jetty.update(next);
                LOG.info("HTTP runtime configured: listening on {}, HTTPS {}", host,
                        keystore == null ? "off" : "on port " + httpsPort);
            }
        } catch (IOException e) {
            LOG.error("cannot write the HTTP runtime configuration {}: {}", JETTY_PID, e.getMessage());
        }
        redirect = config.http_redirect() && keystore != null;
    }

    private TlsKeystore.Keystore keystore() {
        try {
            TlsKeystore.Keystore keystore = TlsKeystore.ensure(tlsDir, names(), Instant.now(), new SecureRandom());
            LOG.info("HTTPS certificate ({}) for {}, valid until {}, SHA-256 fingerprint {}", keystore.origin(),
                    keystore.certificate().getSubjectX500Principal().getName(),
                    keystore.certificate().getNotAfter().toInstant(), keystore.fingerprint());
            return keystore;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.error("HTTPS stays off: the TLS key and certificate in {} are unusable ({}). Remove or fix the "
                    + "files there; an empty folder gets a new self-signed certificate.", tlsDir, e.getMessage());
            return null;
        }
    }

    /**
     * @param request a request
     * @return the HTTPS URL to redirect it to, or null if it is to be served as it is
     */
    public String httpsRedirect(HttpServletRequest request) {
        if (!redirect || request.isSecure()) {
            return null;
        }
        String serverName = request.getServerName();
        String hostPart = serverName.contains(":") && !serverName.startsWith("[") ? "[" + serverName + "]" : serverName;
        String query = request.getQueryString();
        return "https://" + hostPart + (httpsPort == 443 ? "" : ":" + httpsPort) + request.getRequestURI()
                + (query == null ? "" : "?" + query);
    }

    /**
     * @param configured the configured address, may be empty
     * @param framework  the framework property, may be null
     * @return the address to listen on, or null if the configured one is malformed
     */
    static String chooseHost(String configured, String framework) {
        String candidate = configured != null && !configured.isBlank() ? configured.strip()
                : framework != null && !framework.isBlank() ? framework.strip() : DEFAULT_HOST;
        return candidate.matches("[0-9A-Za-z.:\\-]{1,253}") ? candidate : null;
    }

    private static int port(String value) {
        try {
            return value == null ? 8443 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 8443;
        }
    }

    /** Host name, {@code <name>.local} (mDNS, Raspberry Pi OS default), {@code localhost}, every address. */
    private static TlsKeystore.Names names() {
        String hostName;
        try {
            hostName = TlsKeystore.normalize(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            hostName = "localhost";
        }
        Set<String> dns = new LinkedHashSet<>(List.of(hostName, "localhost"));
        if (!hostName.contains(".") && !hostName.equals("localhost")) {
            dns.add(hostName + ".local");
        }
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(nic.getInetAddresses()));
            }
        } catch (SocketException e) {
            LOG.warn("network interfaces not readable ({}); the certificate names only {}", e.getMessage(), dns);
        }
        return new TlsKeystore.Names(hostName, List.copyOf(dns), addresses);
    }

    /** The keys this component owns in the Jetty configuration; apart for tests. */
    static final class JettyKeys {
        private JettyKeys() {
        }

        /**
         * @param host     listen address
         * @param keystore the keystore, or null for HTTPS off
         * @return the owned keys with their wanted values (absent = to be removed)
         */
        static Map<String, Object> of(String host, TlsKeystore.Keystore keystore) {
            Map<String, Object> keys = new java.util.HashMap<>();
            keys.put(HOST, host);
            keys.put(SERVER_HEADER, "false");
            keys.put(HTTPS_ENABLE, Boolean.toString(keystore != null));
            if (keystore != null) {
                keys.put(KEYSTORE, keystore.file().toAbsolutePath().toString());
                keys.put(KEYSTORE_PASSWORD, keystore.password());
                keys.put(KEY_PASSWORD, keystore.password());
                keys.put(KEYSTORE_TYPE, "PKCS12");
            }
            return keys;
        }

        /**
         * @param target the Jetty configuration, changed in place
         * @param owned  wanted values of the owned keys
         * @return true if anything changed
         */
        static boolean merge(Dictionary<String, Object> target, Map<String, Object> owned) {
            boolean changed = false;
            for (String key : OWNED) {
                Object wanted = owned.get(key);
                if (!Objects.equals(wanted, target.get(key))) {
                    changed = true;
                    if (wanted == null) {
                        target.remove(key);
                    } else {
                        target.put(key, wanted);
                    }
                }
            }
            return changed;
        }
    }
}
