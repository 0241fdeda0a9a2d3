package org.bakusoku.webconsole.internal.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes API answers: JSON bodies built as Jackson trees (field names spelled out where they are set, so
 * the wire format is visible in the code and never depends on Java names) and the error shape
 * {@code {"error": "<code>", "message": "..."}} of API.md; reads JSON request bodies with a size limit.
 */
final class Json {

    /** A request refused with a 4xx, thrown where a handler cannot simply return; the catcher answers it. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        /**
         * @param status  HTTP status, 4xx
         * @param code    short machine-readable code
         * @param message what went wrong and what to do, for a person
         */
        Refused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        /**
         * Sends the refusal in the error shape.
         *
         * @param response the response, not yet committed
         * @throws IOException if the client went away
         */
        void answer(HttpServletResponse response) throws IOException {
            error(response, status, code, getMessage());
        }
    }

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

    /**
     * Reads a JSON request body. The type is checked before a byte is read, and at most one byte more than the
     * limit is, so that a large body costs no memory.
     *
     * @param request  the request
     * @param maxBytes the largest body accepted, bytes
     * @return the parsed body; null or a missing node for an empty one
     * @throws Refused                 415 {@code unsupported_media_type} unless the body is {@code application/json},
     *                                 413 {@code too_large} beyond {@code maxBytes}
     * @throws JsonProcessingException if the body is not JSON
     * @throws IOException             if the client went away
     */
    static JsonNode read(HttpServletRequest request, int maxBytes) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new Refused(415, "unsupported_media_type", "Send the body as application/json.");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new Refused(413, "too_large", "The body is larger than " + maxBytes + " bytes.");
            }
            return MAPPER.readTree(bytes);
        }
    }

    /**
     * Reads a JSON object request body, or answers why not (see {@link #read}).
     *
     * @param request  the request
     * @param response the response, not yet committed
     * @param maxBytes the largest body accepted, bytes
     * @param example  the 400 {@code bad_request} message for a body that is not a JSON object: what to send
     * @return the object, or null after answering 415, 413 or 400
     * @throws IOException if the client went away
     */
    static JsonNode readObject(HttpServletRequest request, HttpServletResponse response, int maxBytes, String example)
            throws IOException {
        JsonNode body;
        try {
            body = read(request, maxBytes);
        } catch (Refused e) {
            e.answer(response);
            return null;
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "bad_request", example);
            return null;
        }
        return body;
    }
}
