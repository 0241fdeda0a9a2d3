package org.bakusoku.itests;

import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.DefaultCompositeOption;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;

/**
 * Shared Pax Exam configuration and HTTP helpers: the runtime's own bundles (from the exported jar), a
 * fresh data directory and free HTTP and HTTPS ports.
 */
public abstract class ApplianceTestSupport {

    /** The data directory of the runtime under test; fresh for every suite. */
    static final Path DATA = Paths.get(System.getProperty("itest.dir", "target"), "itest-data").toAbsolutePath();

    /** Builds the framework: every runtime bundle, at its bnd start level, with the bndrun's run properties. */
    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        deleteTree(DATA);
        Files.createDirectories(DATA);
        Path jar = Paths.get(System.getProperty("appliance.runtime.jar"));
        List<Option> runtime = BndrunOptions.fromExportedJar(jar,
                Paths.get(System.getProperty("itest.dir", "target"), "paxexam-bundles"));
        return options(new DefaultCompositeOption(runtime.toArray(new Option[0])),
                frameworkProperty("org.osgi.service.http.port").value(Integer.toString(freePort())),
                frameworkProperty("org.osgi.service.http.port.secure").value(Integer.toString(freePort())),
                frameworkProperty("bakusoku.data").value(DATA.toString()),
                junitBundles());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** @return the HTTP base URL without a trailing slash, read from the servlet runtime (registers asynchronously) */
    static String baseUrl(BundleContext context) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<HttpServiceRuntime> ref = context.getServiceReference(HttpServiceRuntime.class);
            if (ref != null) {
                Object ep = ref.getProperty("osgi.http.endpoint");
                String url = ep instanceof String[] arr ? arr[0] : (String) ep;
                if (url != null) {
                    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no HttpServiceRuntime with an endpoint within 20 s");
    }

    /** @return the generated admin password, waiting for the first start to write it */
    static String adminPassword() throws Exception {
        Path file = DATA.resolve("initial-password");
        long deadline = System.currentTimeMillis() + 20_000;
        while (!Files.exists(file) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    /**
     * GETs a URL, retrying while the route is not registered yet (404/503).
     *
     * @param user     user name for HTTP Basic, or null for no credentials
     * @param password password for HTTP Basic
     * @return the final status code
     */
    static int get(String url, String user, String password) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        int code;
        do {
            HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
            if (user != null) {
                String token = Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
                c.setRequestProperty("Authorization", "Basic " + token);
            }
            code = c.getResponseCode();
            c.disconnect();
            if (code != 404 && code != 503) {
                return code;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        return code;
    }
}
