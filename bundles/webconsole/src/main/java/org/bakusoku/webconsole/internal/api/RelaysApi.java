package org.bakusoku.webconsole.internal.api;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.bakusoku.relay.RelayController;
import org.bakusoku.relay.RuleStatus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The relay and rule routes below {@code /api/v1}, apart from servlets so that tests call them directly:
 * <ul>
 * <li>{@code GET /relays}: {@code [relay]} (see {@link RelayJson#relay});</li>
 * <li>{@code POST /relays/{id}/pulse?ms=N}: pulses one relay for N ms (1..3600000), answers the relay; 400
 * {@code bad_request} for a missing or bad N; 404 {@code not_found}; 409 {@code locked_out};</li>
 * <li>{@code POST /relays/{id}/reset}: back to the safe state, releases a latch, clears a lock-out;</li>
 * <li>{@code GET /relays/events?limit=N}: the latest transitions and faults, newest first, N 1..200 (default 50);</li>
 * <li>{@code GET /relays/status}: {@code {gpio, problems: [{pid, name, message, at, at_ms}]}};</li>
 * <li>{@code GET /rules}: {@code [{pid, name, description, active, problem, last_trigger, last_trigger_ms, last_reason}]}.</li>
 * </ul>
 * Without a relay controller the relay routes answer 503 {@code relays_unavailable}.
 */
final class RelaysApi {

    /** Default and largest {@code limit} of the events route. */
    static final int DEFAULT_EVENTS = 50;
    static final int MAX_EVENTS = 200;

    private final Supplier<RelayController> controller;
    private final Supplier<List<RuleStatus>> rules;

    /**
     * @param controller the current relay controller, or null while there is none
     * @param rules      the rules' status services (possibly empty)
     */
    RelaysApi(Supplier<RelayController> controller, Supplier<List<RuleStatus>> rules) {
        this.controller = controller;
        this.rules = rules;
    }

    /** @return {@code GET /relays} */
    Answer relays() {
        return withController(relays -> {
            ArrayNode list = Json.MAPPER.createArrayNode();
            relays.relays().forEach(state -> list.add(RelayJson.relay(state)));
            return Answer.ok(list);
        });
    }

    /**
     * @param id   relay id from the path
     * @param ms   the {@code ms} query parameter, or null
     * @param user who asked, for the relay's reason
     * @return {@code POST /relays/{id}/pulse?ms=N}
     */
    Answer pulse(String id, String ms, String user) {
        long durationMs;
        try {
            durationMs = Long.parseLong(ms == null ? "" : ms.strip());
        } catch (NumberFormatException e) {
            durationMs = -1;
        }
        if (durationMs < 1 || durationMs > 3_600_000) {
            return Answer.error(400, "bad_request", "Give the pulse length as ?ms=N, N in 1..3600000 milliseconds; got "
                    + (ms == null ? "none" : "'" + ms + "'") + ".");
        }
        long length = durationMs;
        return command(id, relays -> relays.pulse(id, length, "console: test pulse " + length + " ms by " + user));
    }

    /** @return {@code POST /relays/{id}/reset} */
    Answer reset(String id, String user) {
        return command(id, relays -> relays.reset(id, "console: reset by " + user));
    }

    /** @return {@code GET /relays/events?limit=N} */
    Answer events(String limit) {
        int n;
        try {
            n = limit == null ? DEFAULT_EVENTS : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_EVENTS) {
            return Answer.error(400, "bad_request", "limit must be 1.." + MAX_EVENTS + "; got '" + limit + "'.");
        }
        int wanted = n;
        return withController(relays -> {
            ArrayNode list = Json.MAPPER.createArrayNode();
            relays.events(wanted).forEach(event -> list.add(RelayJson.event(event)));
            return Answer.ok(list);
        });
    }

    /** @return {@code GET /relays/status} */
    Answer status() {
        return withController(relays -> {
            ObjectNode status = Json.MAPPER.createObjectNode().put("gpio", relays.gpio());
            ArrayNode problems = status.putArray("problems");
            relays.problems().forEach(problem -> problems.add(RelayJson.problem(problem)));
            return Answer.ok(status);
        });
    }

    /** @return {@code GET /rules}, ordered by name */
    Answer rules() {
        ArrayNode list = Json.MAPPER.createArrayNode();
        rules.get().stream().map(RuleStatus::state)
                .sorted(Comparator.comparing(state -> String.valueOf(state.name())))
                .forEach(state -> list.add(RelayJson.rule(state)));
        return Answer.ok(list);
    }

    private interface Call {
        Answer apply(RelayController relays) throws IOException;
    }

    private interface Command {
        void run(RelayController relays);
    }

    private Answer withController(Call call) {
        RelayController relays = controller.get();
        if (relays == null) {
            return Answer.error(503, "relays_unavailable",
                    "The relay controller (bundle org.bakusoku.relay.pi4j) is not running; see the appliance log.");
        }
        try {
            return call.apply(relays);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer command(String id, Command command) {
        return withController(relays -> {
            if (relays.state(id).isEmpty()) {
                return Answer.error(404, "not_found", "No relay has id '" + id + "'; GET /api/v1/relays lists them.");
            }
            try {
                command.run(relays);
            } catch (IllegalStateException e) {
                return Answer.error(409, "locked_out", e.getMessage());
            } catch (IllegalArgumentException e) {
                return Answer.error(400, "bad_request", e.getMessage());
            }
            return Answer.ok(RelayJson.relay(relays.state(id).orElseThrow()));
        });
    }
}
