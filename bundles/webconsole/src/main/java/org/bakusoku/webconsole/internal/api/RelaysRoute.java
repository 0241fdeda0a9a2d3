package org.bakusoku.webconsole.internal.api;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Supplier;

import org.bakusoku.relay.RelayController;
import org.bakusoku.relay.RelayState;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/relays}: {@code [{id, name, bcm_pin, on, active_low, last_change, reason}]}, ordered
 * as the controller lists them; {@code last_change} is ISO-8601 UTC or null if the relay never changed
 * since start. An empty array when no {@link RelayController} is registered.
 */
final class RelaysRoute implements ApiRouter.Route {

    private final Supplier<RelayController> controller;

    /** @param controller the current relay controller, or null while there is none */
    RelaysRoute(Supplier<RelayController> controller) {
        this.controller = controller;
    }

    /** @return the relay list */
    ArrayNode json() {
        ArrayNode relays = Json.array();
        RelayController current = controller.get();
        if (current == null) {
            return relays;
        }
        for (RelayState state : current.relays()) {
            ObjectNode relay = relays.addObject()
                    .put("id", state.id())
                    .put("name", state.name())
                    .put("bcm_pin", state.bcmPin())
                    .put("on", state.on())
                    .put("active_low", state.activeLow());
            if (state.lastChangeMs() > 0) {
                relay.put("last_change", Instant.ofEpochMilli(state.lastChangeMs()).toString());
            } else {
                relay.putNull("last_change");
            }
            relay.put("reason", state.reason());
        }
        return relays;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Json.send(response, HttpServletResponse.SC_OK, json());
    }
}
