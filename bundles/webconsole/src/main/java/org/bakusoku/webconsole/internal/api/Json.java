package org.bakusoku.webconsole.internal.api;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes API answers: JSON bodies built as Jackson trees (field names spelled out where they are set, so
 * the wire format is visible in the code and never depends on Java names) and the error shape
 * {@code {"error": "<code>", "message": "..."}} of API.md.
 */
final class Json {

    /** Thread-safe once configured; shared by all routes. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** @return a new empty JSON object */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** @return a new empty JSON array */
    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * Sends a JSON body; API answers change every poll, so none may be cached.
     *
     * @param response the response, not yet committed
     * @param status   HTTP status
     * @param body     the body
     * @throws IOException if the client went away
     */
    static void send(HttpServletResponse response, int status, JsonNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * Sends an error.
     *
     * @param response the response, not yet committed
     * @param status   HTTP status, 4xx or 5xx
     * @param code     short machine-readable code, e.g. {@code "not_found"}
     * @param message  what went wrong and what to do, for a person
     * @throws IOException if the client went away
     */
    static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        send(response, status, object().put("error", code).put("message", message));
    }
}
