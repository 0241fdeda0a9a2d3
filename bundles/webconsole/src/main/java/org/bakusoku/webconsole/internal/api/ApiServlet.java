package org.bakusoku.webconsole.internal.api;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.bakusoku.relay.RelayController;
import org.bakusoku.webconsole.internal.auth.AuthPreprocessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The JSON API, one whiteboard servlet at {@code /api/v1/*} that hands each request to the
 * {@link ApiRouter}. Routes (README has the full list): {@code GET /health}, {@code GET /detections/latest},
 * {@code GET /detections/latest.jpg}, {@code GET /relays}.
 *
 * <p>Login is checked by {@link AuthPreprocessor} before a request gets here.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(ApiRouter.PREFIX + "/*")
@HttpWhiteboardServletName("bakusoku-api")
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile RelayController relays;

    private final transient ApiRouter router;

    /**
     * @param latest recent detection results
     * @param auth   not called here: referenced so that the API is registered only while the login
     *               preprocessor is, and is never served without authentication
     */
    @Activate
    public ApiServlet(@Reference LatestDetections latest, @Reference AuthPreprocessor auth) {
        router = routes(latest, () -> relays, ManagementFactory.getRuntimeMXBean()::getUptime);
    }

    /**
     * The route table, apart from OSGi so that tests can dispatch through it.
     *
     * @param latest   recent detection results
     * @param relays   the current relay controller, or null while there is none
     * @param uptimeMs process uptime, milliseconds
     * @return the router
     */
    static ApiRouter routes(LatestDetections latest, Supplier<RelayController> relays, LongSupplier uptimeMs) {
        DetectionsRoute detections = new DetectionsRoute(latest);
        return new ApiRouter()
                .add("GET", "/health", new HealthRoute(uptimeMs))
                .add("GET", "/detections/latest", detections::latestJson)
                .add("GET", "/detections/latest.jpg", detections::latestJpeg)
                .add("GET", "/relays", new RelaysRoute(relays));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        router.dispatch(request, response);
    }
}
