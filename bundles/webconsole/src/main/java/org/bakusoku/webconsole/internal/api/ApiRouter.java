package org.bakusoku.webconsole.internal.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Dispatches {@code /api/v1} requests by method and exact path to {@link Route}s; answers 404 for an
 * unknown path, 405 with an {@code Allow} header for a known path and another method, and 500 with a
 * logged cause when a route fails.
 */
final class ApiRouter {

    /** Handles one method on one path. */
    @FunctionalInterface
    interface Route {
        /**
         * @param request  the request
         * @param response the response, not yet committed
         * @throws IOException if the client went away
         */
        void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    static final String PREFIX = "/api/v1";

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

    /** path (below {@link #PREFIX}) -> method -> route. */
    private final Map<String, Map<String, Route>> routes = new LinkedHashMap<>();

    /**
     * @param method HTTP method, e.g. {@code "GET"}
     * @param path   exact path below {@code /api/v1}, e.g. {@code "/health"}
     * @param route  the handler
     * @return this router
     */
    ApiRouter add(String method, String path, Route route) {
        routes.computeIfAbsent(path, p -> new TreeMap<>()).put(method, route);
        return this;
    }

    /**
     * Dispatches a request to a servlet of its own, mapped below {@code /api/v1} by a longer pattern than
     * {@code /api/v1/*}: its path info is relative to that pattern, so the route is taken from the request URI.
     *
     * @param request  a request below {@code /api/v1}
     * @param response the response
     * @throws IOException if the client went away
     */
    void dispatchByUri(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String below = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
        String routed = below.endsWith("/") && below.length() > 1 ? below.substring(0, below.length() - 1) : below;
        dispatch(new HttpServletRequestWrapper(request) {
            @Override
            public String getPathInfo() {
                return routed;
            }
        }, response);
    }

    /**
     * @param request  a request whose path info is the path below {@code /api/v1}
     * @param response the response
     * @throws IOException if the client went away
     */
    void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        Map<String, Route> byMethod = routes.get(path);
        if (byMethod == null) {
            Answer.noRoute(PREFIX + path).send(response);
            return;
        }
        Route route = byMethod.get(request.getMethod());
        if (route == null) {
            response.setHeader("Allow", String.join(", ", byMethod.keySet()));
            Json.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method_not_allowed",
                    PREFIX + path + " accepts " + String.join(", ", byMethod.keySet()) + ".");
            return;
        }
        try {
            route.handle(request, response);
        } catch (RuntimeException e) {
            LOG.error("{} {}{} failed", request.getMethod(), PREFIX, path, e);
            if (!response.isCommitted()) {
                response.reset();
                Answer.internalError(e).send(response);
            }
        }
    }
}
