package org.bakusoku.webconsole.internal.api;

import java.io.IOException;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/health}: {@code {"status": "UP", "uptime_ms": <ms since the JVM started>}}. Open
 * without login, so it says nothing else: no versions, no configuration, no model names.
 */
final class HealthRoute implements ApiRouter.Route {

    private final LongSupplier uptimeMs;

    /** @param uptimeMs process uptime in milliseconds, e.g. {@code RuntimeMXBean::getUptime} */
    HealthRoute(LongSupplier uptimeMs) {
        this.uptimeMs = uptimeMs;
    }

    /** @return the health document */
    ObjectNode json() {
        return Json.object().put("status", "UP").put("uptime_ms", uptimeMs.getAsLong());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Json.send(response, HttpServletResponse.SC_OK, json());
    }
}
