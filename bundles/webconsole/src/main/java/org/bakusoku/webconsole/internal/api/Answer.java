package org.bakusoku.webconsole.internal.api;

import java.io.IOException;

import org.slf4j.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An API answer computed before anything is written, so that routes are plain methods tests can call without a
 * servlet ({@link ModelsApi}, {@link RelaysApi}); an error body has the shape of {@link Json#error}.
 *
 * @param status HTTP status
 * @param body   JSON body
 */
record Answer(int status, JsonNode body) {

    /** Answers a servlet computes from the request path. */
    @FunctionalInterface
    interface ByPath {
        /**
         * @param below the request path below the servlet's prefix, e.g. {@code /abc/activate} below
         *              {@code /api/v1/models}
         * @return the answer
         * @throws IOException if the request body could not be read
         */
        Answer answer(String below) throws IOException;
    }

    /** @return 200 with the body */
    static Answer ok(JsonNode body) {
        return new Answer(HttpServletResponse.SC_OK, body);
    }

    /**
     * @param status  HTTP status, 4xx or 5xx
     * @param code    short machine-readable code, e.g. {@code "not_found"}
     * @param message what went wrong and what to do, for a person
     * @return the error answer
     */
    static Answer error(int status, String code, String message) {
        return new Answer(status, Json.object().put("error", code).put("message", message));
    }

    /**
     * @param path the full path of the unknown route
     * @return 404 {@code not_found}
     */
    static Answer noRoute(String path) {
        return error(HttpServletResponse.SC_NOT_FOUND, "not_found",
                "No API route " + path + "; see the route list in the webconsole README.");
    }

    /**
     * @param allowed the methods the route accepts, e.g. {@code "GET, POST"}
     * @return 405 {@code method_not_allowed}, naming them in the body's {@code allow} (and later the header)
     */
    static Answer notAllowed(String allowed) {
        return new Answer(HttpServletResponse.SC_METHOD_NOT_ALLOWED, Json.object().put("error", "method_not_allowed")
                .put("message", "This route accepts " + allowed + ".").put("allow", allowed));
    }

    /**
     * @param e what a route threw
     * @return 500 {@code internal_error}, naming only the exception's class (the log has the rest)
     */
    static Answer internalError(RuntimeException e) {
        return error(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal_error",
                "The appliance could not answer (" + e.getClass().getSimpleName() + "); see its log.");
    }

    /**
     * Sends the answer; a 405 also gets the {@code Allow} header HTTP asks for.
     *
     * @param response the response, not yet committed
     * @throws IOException if the client went away
     */
    void send(HttpServletResponse response) throws IOException {
        if (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
            response.setHeader("Allow", body.path("allow").asText());
        }
        Json.send(response, status, body);
    }

    /**
     * Serves a request with the answer computed from its path; a route that fails is logged and answered 500.
     *
     * @param request  the request
     * @param response the response, not yet committed
     * @param log      the servlet's log
     * @param prefix   the path the servlet is mapped below, e.g. {@code /api/v1/models}
     * @param route    computes the answer from the path below the prefix
     * @throws IOException if the client went away or its body could not be read
     */
    static void serve(HttpServletRequest request, HttpServletResponse response, Logger log, String prefix,
            ByPath route) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Answer answer;
        try {
            answer = route.answer(path.substring(Math.min(path.length(), prefix.length())));
        } catch (RuntimeException e) {
            log.error("{} {} failed", request.getMethod(), path, e);
            answer = internalError(e);
        }
        answer.send(response);
    }
}
