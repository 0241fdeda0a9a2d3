package org.bakusoku.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.FilterDTO;
import org.osgi.service.servlet.runtime.dto.ResourceDTO;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;

/**
 * Every route the HTTP runtime serves (servlets, resources and filters of every servlet context, read from
 * the runtime's DTOs) and every Web Console page (services with {@code felix.webconsole.label}) is requested
 * without credentials: each answers 401, or a redirect to the login page when a browser opens it, except
 * {@code GET /api/v1/health} and the login page itself. Routes added later are covered without changing this
 * test. Also: no Gogo shell in the appliance, no server banner.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class RouteScanIT extends ApplianceTestSupport {

    /** Routes open without login, and what they answer. */
    private static final Map<String, Integer> OPEN = Map.of("/api/v1/health", 200, "/login", 200);

    @Inject
    private BundleContext context;

    @Test
    public void everyRouteNeedsTheLoginExceptHealthAndTheLoginPage() throws Exception {
        WebClient web = new WebClient(baseUrl(context), null);
        awaitStatus(web, "/api/v1/health", 200);
        awaitStatus(web, "/login", 200);
        List<String> expected = List.of("/system/console/", "/system/console/res/probe", "/system/console/bundles",
                "/system/console/configMgr", "/system/console/detections", "/system/console/security",
                "/api/v1/probe", "/api/v1/auth/probe", "/login");
        List<String> routes = routes();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!routes.containsAll(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200); // the whiteboard registers asynchronously
            routes = routes();
        }
        assertTrue("the scan sees the console, the API and the login: " + routes, routes.containsAll(expected));

        List<String> failures = new ArrayList<>();
        for (String route : routes) {
            Integer open = OPEN.get(route);
            WebClient.Answer script = web.get(route, Map.of());
            WebClient.Answer page = web.get(route, WebClient.PAGE_OPENING);
            WebClient.Answer post = web.postForm(route, Map.of(), Map.of("action", "install"));
            if (open != null) {
                expect(failures, "GET " + route, script, open);
                expect(failures, "POST " + route, post, 401); // not open for POST; the login refuses no password
                continue;
            }
            expect(failures, "GET " + route, script, 401);
            expect(failures, "POST " + route, post, 401);
            if (page.status() != 302 || !String.valueOf(page.header("Location")).startsWith("/login?next=")) {
                failures.add("page opening of " + route + " answered " + page.status() + " " + page.header("Location"));
            }
            if (!"Basic realm=\"Bakusoku\", charset=\"UTF-8\"".equals(script.header("WWW-Authenticate"))) {
                failures.add("GET " + route + " has no Basic challenge");
            }
            if (script.header("Server") != null || !"DENY".equals(script.header("X-Frame-Options"))) {
                failures.add("GET " + route + " headers: " + script.headers());
            }
        }
        assertEquals("routes answered without login", List.of(), failures);
    }

    @Test
    public void gogoShellIsNotInTheAppliance() {
        for (Bundle b : context.getBundles()) {
            String name = String.valueOf(b.getSymbolicName());
            assertTrue("no shell bundle: " + name, !name.contains("gogo") && !name.contains("shell"));
        }
        // Bundles may register shell commands (SCR does); without a command processor nothing runs them.
        for (String shell : new String[] { "org.apache.felix.service.command.CommandProcessor",
                "org.apache.felix.shell.ShellService" }) {
            try {
                assertNull(shell, context.getAllServiceReferences(shell, null));
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static void expect(List<String> failures, String what, WebClient.Answer answer, int status) {
        if (answer.status() != status) {
            failures.add(what + " answered " + answer.status() + " (expected " + status + ")");
        }
    }

    /** Concrete paths for every pattern of every servlet context, plus every console page. */
    private List<String> routes() throws Exception {
        ServiceReference<HttpServiceRuntime> ref = context.getServiceReference(HttpServiceRuntime.class);
        HttpServiceRuntime runtime = context.getService(ref);
        TreeSet<String> paths = new TreeSet<>();
        try {
            for (ServletContextDTO servletContext : runtime.getRuntimeDTO().servletContextDTOs) {
                String prefix = servletContext.contextPath.equals("/") ? "" : servletContext.contextPath;
                List<String> patterns = new ArrayList<>();
                for (ServletDTO servlet : servletContext.servletDTOs) {
                    patterns.addAll(Arrays.asList(servlet.patterns));
                }
                for (ResourceDTO resource : servletContext.resourceDTOs) {
                    patterns.addAll(Arrays.asList(resource.patterns));
                }
                for (FilterDTO filter : servletContext.filterDTOs) {
                    patterns.addAll(Arrays.asList(filter.patterns));
                }
                for (String pattern : patterns) {
                    paths.add(prefix + concrete(pattern));
                }
            }
        } finally {
            context.ungetService(ref);
        }
        for (ServiceReference<?> page : context.getAllServiceReferences(null, "(felix.webconsole.label=*)")) {
            String label = java.net.URLEncoder.encode((String) page.getProperty("felix.webconsole.label"),
                    java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
            paths.add("/system/console/" + label);
            paths.add("/system/console/" + label + "/res/probe.js");
        }
        paths.add("/system/console");
        paths.add("/system/console/logout");
        paths.add("/no-such-route");
        return new ArrayList<>(paths);
    }

    /** A request path matched by a whiteboard pattern ({@code /x/*}, {@code *.ext}, {@code /}, or exact). */
    private static String concrete(String pattern) {
        if (pattern.equals("/") || pattern.isEmpty()) {
            return "/";
        }
        if (pattern.endsWith("/*")) {
            return pattern.substring(0, pattern.length() - 1) + "probe";
        }
        if (pattern.startsWith("*.")) {
            return "/probe" + pattern.substring(1);
        }
        return pattern;
    }

    private static void awaitStatus(WebClient web, String path, int status) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        int last = -1;
        while (System.currentTimeMillis() < deadline) {
            try {
                last = web.get(path, Map.of()).status();
                if (last == status) {
                    return;
                }
            } catch (java.io.IOException e) {
                // the HTTP runtime restarts once when the network settings are first applied
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " answered " + last + ", not " + status + ", within 30 s");
    }
}
