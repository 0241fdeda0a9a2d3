package org.bakusoku.webconsole.internal.api;

import java.time.Instant;

import org.bakusoku.detect.Detection;
import org.bakusoku.relay.ConfigProblem;
import org.bakusoku.relay.RelayEvent;
import org.bakusoku.relay.RelayState;
import org.bakusoku.relay.RuleState;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON shapes of the relay and rule routes, field names spelled out (API.md: units in names, instants
 * as ISO-8601 {@code *_at} plus epoch {@code *_ms}, boxes normalized 0..1).
 */
final class RelayJson {

    private RelayJson() {
    }

    /**
     * @param state a relay
     * @return {@code {id, name, bcm_pin, on, active_low, safe_state, max_on_ms, locked_out, last_change,
     *         last_change_ms, reason, rule, detection}}; {@code last_change} ISO-8601 or null if it never changed
     */
    static ObjectNode relay(RelayState state) {
        ObjectNode relay = Json.MAPPER.createObjectNode()
                .put("id", state.id())
                .put("name", state.name())
                .put("bcm_pin", state.bcmPin())
                .put("on", state.on())
                .put("active_low", state.activeLow())
                .put("safe_state", state.safeState())
                .put("max_on_ms", state.maxOnMs())
                .put("locked_out", state.lockedOut());
        instant(relay, "last_change", state.lastChangeMs());
        relay.put("reason", state.reason()).put("rule", state.rule());
        relay.set("detection", detection(state.detection()));
        return relay;
    }

    /** @return {@code {at, at_ms, id, bcm_pin, on, error, reason, rule, detection}} */
    static ObjectNode event(RelayEvent event) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        instant(node, "at", event.atMs());
        node.put("id", event.id()).put("bcm_pin", event.bcmPin()).put("on", event.on()).put("error", event.error())
                .put("reason", event.reason()).put("rule", event.rule());
        node.set("detection", detection(event.detection()));
        return node;
    }

    /** @return {@code {pid, name, message, at, at_ms}} */
    static ObjectNode problem(ConfigProblem problem) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("pid", problem.pid()).put("name", problem.name())
                .put("message", problem.message());
        instant(node, "at", problem.atMs());
        return node;
    }

    /** @return {@code {pid, name, description, active, problem, last_trigger, last_trigger_ms, last_reason}} */
    static ObjectNode rule(RuleState state) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("pid", state.pid()).put("name", state.name())
                .put("description", state.description()).put("active", state.active()).put("problem", state.problem());
        instant(node, "last_trigger", state.lastTriggerMs());
        node.put("last_reason", state.lastCause() == null ? null : state.lastCause().reason());
        return node;
    }

    /** @return {@code {label, class_id, score, box: {xmin, ymin, xmax, ymax}}} or a JSON null */
    private static ObjectNode detection(Detection detection) {
        if (detection == null) {
            return null;
        }
        ObjectNode node = Json.MAPPER.createObjectNode().put("label", detection.label()).put("class_id", detection.classId())
                .put("score", detection.score());
        node.putObject("box").put("xmin", detection.box().xmin()).put("ymin", detection.box().ymin())
                .put("xmax", detection.box().xmax()).put("ymax", detection.box().ymax());
        return node;
    }

    /** Puts {@code <name>} (ISO-8601 UTC) and {@code <name>_ms} (epoch ms), both null for 0 (never). */
    private static void instant(ObjectNode node, String name, long epochMs) {
        if (epochMs > 0) {
            node.put(name, Instant.ofEpochMilli(epochMs).toString()).put(name + "_ms", epochMs);
        } else {
            node.putNull(name).putNull(name + "_ms");
        }
    }
}
