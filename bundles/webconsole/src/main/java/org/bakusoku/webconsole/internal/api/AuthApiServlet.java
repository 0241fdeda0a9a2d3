package org.bakusoku.webconsole.internal.api;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

import org.bakusoku.webconsole.internal.auth.ApiTokens;
import org.bakusoku.webconsole.internal.auth.AuthPreprocessor;
import org.bakusoku.webconsole.internal.auth.Authenticator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The login's own API under {@code /api/v1/auth} (its own whiteboard servlet: the longer pattern wins over
 * {@code /api/v1/*}), used by the console's Security page and by scripts:
 * <ul>
 * <li>{@code GET /me}: {@code {user, via, must_change_password}};</li>
 * <li>{@code POST /password} {@code {"current_password", "new_password"}}: 200 {@code {"changed": true}};
 * 400 {@code weak_password}; 403 {@code wrong_password}; 429 {@code too_many_attempts};</li>
 * <li>{@code GET /tokens}: {@code [{id, name, created_at, last_used_at}]} (ISO-8601; last use since start);</li>
 * <li>{@code POST /tokens} {@code {"name"}}: 201 {@code {id, name, created_at, token}}; the token is shown
 * only in this answer;</li>
 * <li>{@code DELETE /tokens/{id}}: 204, or 404 {@code not_found}.</li>
 * </ul>
 * Bodies are JSON ({@code Content-Type: application/json}, at most {@value #MAX_BODY_BYTES} bytes), which
 * also means another site's plain form cannot reach them. Login, CSRF and audit are done by
 * {@link AuthPreprocessor} before a request gets here.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(AuthApiServlet.PREFIX + "/*")
@HttpWhiteboardServletName("bakusoku-api-auth")
public final class AuthApiServlet extends HttpServlet {

    static final String PREFIX = ApiRouter.PREFIX + "/auth";
    static final int MAX_BODY_BYTES = 4096;

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AuthApiServlet.class);

    private final transient Authenticator auth;

    /** @param preprocessor the login preprocessor, whose authenticator does the work */
    @Activate
    public AuthApiServlet(@Reference AuthPreprocessor preprocessor) {
        this(preprocessor.authenticator());
    }

    /** @param auth the authenticator */
    AuthApiServlet(Authenticator auth) {
        this.auth = auth;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String method = request.getMethod();
        if (!(request.getAttribute(AuthPreprocessor.CALLER_ATTRIBUTE) instanceof Authenticator.Caller caller)) {
            Json.error(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "Log in first.");
            return;
        }
        try {
            if (path.equals("/me")) {
                only("GET", method, response, () -> me(caller, response));
            } else if (path.equals("/password")) {
                only("POST", method, response, () -> password(caller, request, response));
            } else if (path.equals("/tokens")) {
                if ("GET".equals(method)) {
                    listTokens(response);
                } else {
                    only("POST", method, response, () -> createToken(request, response));
                }
            } else if (path.startsWith("/tokens/") && path.length() > "/tokens/".length()) {
                only("DELETE", method, response, () -> revokeToken(path.substring("/tokens/".length()), response));
            } else {
                Answer.noRoute(PREFIX + path).send(response);
            }
        } catch (Json.Refused e) {
            e.answer(response);
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle() throws IOException;
    }

    private static void only(String allowed, String method, HttpServletResponse response, Handler handler)
            throws IOException {
        if (!allowed.equals(method)) {
            response.setHeader("Allow", allowed);
            Json.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method_not_allowed",
                    "This route accepts " + allowed + ".");
            return;
        }
        handler.handle();
    }

    private void me(Authenticator.Caller caller, HttpServletResponse response) throws IOException {
        boolean mustChange = caller.session() != null && caller.session().mustChangePassword();
        Json.send(response, HttpServletResponse.SC_OK, Json.object().put("user", caller.user())
                .put("via", caller.via().name().toLowerCase(Locale.ROOT)).put("must_change_password", mustChange));
    }

    private void password(Authenticator.Caller caller, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        JsonNode body = body(request);
        String current = body.path("current_password").asText(null);
        String next = body.path("new_password").asText(null);
        if (current == null || next == null) {
            throw new Json.Refused(400, "bad_request", "Send {\"current_password\": ..., \"new_password\": ...}.");
        }
        String weak = Authenticator.passwordProblem(next, current);
        if (weak != null) {
            throw new Json.Refused(400, "weak_password", "New password refused: " + weak + ".");
        }
        switch (auth.changePassword(caller, current, next, request.getRemoteAddr())) {
            case CHANGED -> Json.send(response, HttpServletResponse.SC_OK, Json.object().put("changed", true));
            case WRONG_PASSWORD -> Json.error(response, HttpServletResponse.SC_FORBIDDEN, "wrong_password",
                    "The current password is wrong.");
            case THROTTLED -> Json.error(response, 429, "too_many_attempts",
                    "Too many failed attempts from this address; wait and try again.");
            case WEAK -> Json.error(response, 400, "weak_password", "New password refused.");
            case FAILED -> Json.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal_error",
                    "The new password could not be stored; the old one stays. See the appliance log.");
        }
    }

    private void listTokens(HttpServletResponse response) throws IOException {
        ArrayNode list = Json.array();
        for (ApiTokens.Token t : auth.tokens().list()) {
            ObjectNode node = list.addObject().put("id", t.id()).put("name", t.name())
                    .put("created_at", Instant.ofEpochMilli(t.createdAtMs()).toString());
            auth.tokens().lastUsedMs(t.id()).ifPresentOrElse(
                    ms -> node.put("last_used_at", Instant.ofEpochMilli(ms).toString()), () -> node.putNull("last_used_at"));
        }
        Json.send(response, HttpServletResponse.SC_OK, list);
    }

    private void createToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = body(request).path("name").asText(null);
        ApiTokens.Created created;
        try {
            created = auth.tokens().create(name);
        } catch (IllegalArgumentException e) {
            throw new Json.Refused(400, "bad_request", "Token refused: " + e.getMessage() + ".");
        }
        LOG.info("API token {} ({}) created", created.token().id(), created.token().name());
        Json.send(response, HttpServletResponse.SC_CREATED, Json.object().put("id", created.token().id())
                .put("name", created.token().name())
                .put("created_at", Instant.ofEpochMilli(created.token().createdAtMs()).toString())
                .put("token", created.secret()));
    }

    private void revokeToken(String id, HttpServletResponse response) throws IOException {
        if (!auth.tokens().revoke(id)) {
            throw new Json.Refused(404, "not_found", "No API token with this id.");
        }
        LOG.info("API token {} revoked", id);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        response.setHeader("Cache-Control", "no-store");
    }

    private static JsonNode body(HttpServletRequest request) throws IOException {
        JsonNode node;
        try {
            node = Json.read(request, MAX_BODY_BYTES);
        } catch (JsonProcessingException e) {
            throw new Json.Refused(400, "bad_request", "The body is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new Json.Refused(400, "bad_request", "The body must be a JSON object.");
        }
        return node;
    }
}
