package org.bakusoku.webconsole.internal.api;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import org.bakusoku.relay.RelayController;
import org.bakusoku.relay.RuleStatus;
import org.bakusoku.webconsole.internal.auth.AuthPreprocessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The relay and rule API, {@code /api/v1/relays...} and {@code /api/v1/rules} (routes in {@link RelaysApi}),
 * as its own whiteboard servlet: the longer patterns win over {@code /api/v1/*}, so the shared router stays
 * untouched. Paths are matched segment by segment because relay ids sit in them. Login and CSRF checks are
 * done by {@link AuthPreprocessor} before a request gets here.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ RelaysApiServlet.RELAYS + "/*", RelaysApiServlet.RULES + "/*" })
@HttpWhiteboardServletName("bakusoku-api-relays")
public final class RelaysApiServlet extends HttpServlet {

    static final String RELAYS = ApiRouter.PREFIX + "/relays";
    static final String RULES = ApiRouter.PREFIX + "/rules";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RelaysApiServlet.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile RelayController relays;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile List<RuleStatus> rules;

    private final transient RelaysApi api;

    /**
     * @param auth not called here: referenced so that the API is registered only while the login
     *             preprocessor is, and is never served without authentication
     */
    @Activate
    public RelaysApiServlet(@Reference AuthPreprocessor auth) {
        api = new RelaysApi(() -> relays, () -> rules == null ? List.of() : rules);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Answer.serve(request, response, LOG, ApiRouter.PREFIX,
                below -> route(api, request.getMethod(), below, request::getParameter, user(request)));
    }

    /** Query parameters by name. */
    interface Parameters {
        String get(String name);
    }

    /**
     * @param api    the routes
     * @param method HTTP method
     * @param below  the path below {@code /api/v1}, e.g. {@code /relays/alarm/pulse}
     * @param query  query parameters
     * @param user   who asks, for relay reasons
     * @return the answer; 404 for an unknown path, 405 (with {@code allow}) for a known path and another method
     */
    static Answer route(RelaysApi api, String method, String below, Parameters query, String user) {
        String trimmed = below.endsWith("/") && below.length() > 1 ? below.substring(0, below.length() - 1) : below;
        String[] segments = trimmed.substring(Math.min(1, trimmed.length())).split("/");
        if (segments.length == 1 && segments[0].equals("rules")) {
            return only("GET", method, api::rules);
        }
        if (segments[0].equals("relays")) {
            switch (segments.length) {
                case 1:
                    return only("GET", method, api::relays);
                case 2:
                    if (segments[1].equals("events")) {
                        return only("GET", method, () -> api.events(query.get("limit")));
                    }
                    if (segments[1].equals("status")) {
                        return only("GET", method, api::status);
                    }
                    break;
                case 3:
                    if (segments[2].equals("pulse")) {
                        return only("POST", method, () -> api.pulse(segments[1], query.get("ms"), user));
                    }
                    if (segments[2].equals("reset")) {
                        return only("POST", method, () -> api.reset(segments[1], user));
                    }
                    break;
                default:
                    break;
            }
        }
        return Answer.noRoute(ApiRouter.PREFIX + below);
    }

    private static Answer only(String allowed, String method, Supplier<Answer> route) {
        if (allowed.equals(method)) {
            return route.get();
        }
        return Answer.notAllowed(allowed);
    }

    private static String user(HttpServletRequest request) {
        Object user = request.getAttribute(AuthPreprocessor.USER_ATTRIBUTE);
        return user instanceof String name ? name : "admin";
    }
}
