package org.bakusoku.webconsole.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.bakusoku.detect.Box;
import org.bakusoku.detect.Detection;
import org.bakusoku.relay.ConfigProblem;
import org.bakusoku.relay.RelayCause;
import org.bakusoku.relay.RelayController;
import org.bakusoku.relay.RelayEvent;
import org.bakusoku.relay.RelayState;
import org.bakusoku.relay.RuleState;
import org.bakusoku.relay.RuleStatus;
import org.bakusoku.webconsole.internal.FakeHttp;
import org.junit.jupiter.api.Test;

/** The relay and rule routes: shapes, commands, refusals. */
class RelaysApiTest {

    /** 2024-05-01T12:00:00.250Z */
    private static final long T = 1_714_564_800_250L;
    private static final Detection PERSON = new Detection("person", 0, 0.875f, new Box(0.125f, 0.25f, 0.5f, 0.75f));

    private final Relays controller = new Relays();
    private final AtomicReference<RelayController> current = new AtomicReference<>(controller);
    private final List<RuleStatus> rules = new ArrayList<>();
    private final RelaysApi api = new RelaysApi(current::get, () -> rules);

    private Answer call(String method, String target) {
        int q = target.indexOf('?');
        Map<String, String> params = new java.util.HashMap<>();
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return RelaysApiServlet.route(api, method, q < 0 ? target : target.substring(0, q), params::get, "admin");
    }

    /** @return the body as a client reads it (serialized and parsed again: number types as on the wire) */
    private static com.fasterxml.jackson.databind.JsonNode wire(Answer answer) throws Exception {
        return FakeHttp.json(Json.MAPPER.writeValueAsString(answer.body()));
    }

    @Test
    void relaysListStateCauseAndDetection() throws Exception {
        Answer answer = call("GET", "/relays");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(wire(answer)).isEqualTo(FakeHttp.json("""
                [{"id": "alarm", "name": "Alarm horn", "bcm_pin": 17, "on": true, "active_low": true,
                  "safe_state": false, "max_on_ms": 600000, "locked_out": false,
                  "last_change": "2024-05-01T12:00:00.250Z", "last_change_ms": 1714564800250,
                  "reason": "rule person-alarm: person 0.88", "rule": "person-alarm",
                  "detection": {"label": "person", "class_id": 0, "score": 0.875,
                                "box": {"xmin": 0.125, "ymin": 0.25, "xmax": 0.5, "ymax": 0.75}}},
                 {"id": "gate", "name": "Gate", "bcm_pin": 27, "on": false, "active_low": false,
                  "safe_state": false, "max_on_ms": 0, "locked_out": false,
                  "last_change": null, "last_change_ms": null, "reason": "safe state at start", "rule": null,
                  "detection": null}]"""));
    }

    @Test
    void pulseAndResetCommandTheControllerAndAnswerTheRelay() {
        Answer pulse = call("POST", "/relays/gate/pulse?ms=1500");
        Answer reset = call("POST", "/relays/alarm/reset");

        assertThat(pulse.status()).isEqualTo(200);
        assertThat(pulse.body().get("on").asBoolean()).isTrue();
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body().get("on").asBoolean()).isFalse();
        assertThat(controller.commands).containsExactly("pulse gate 1500 console: test pulse 1500 ms by admin",
                "reset alarm console: reset by admin");
    }

    @Test
    void badPulsesAreRefusedWithTheReason() {
        assertThat(call("POST", "/relays/gate/pulse").body().get("error").asText()).isEqualTo("bad_request");
        assertThat(call("POST", "/relays/gate/pulse?ms=0").status()).isEqualTo(400);
        assertThat(call("POST", "/relays/gate/pulse?ms=3600001").status()).isEqualTo(400);
        assertThat(call("POST", "/relays/gate/pulse?ms=soon").body().get("message").asText())
                .isEqualTo("Give the pulse length as ?ms=N, N in 1..3600000 milliseconds; got 'soon'.");
        assertThat(call("POST", "/relays/siren/pulse?ms=100").status()).isEqualTo(404);
        controller.lockedOut = true;
        Answer locked = call("POST", "/relays/alarm/pulse?ms=100");
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.body().get("error").asText()).isEqualTo("locked_out");
        assertThat(controller.commands).isEmpty();
    }

    @Test
    void eventsAreLimitedAndCarryTheirCause() throws Exception {
        Answer answer = call("GET", "/relays/events?limit=1");

        assertThat(wire(answer)).isEqualTo(FakeHttp.json("""
                [{"at": "2024-05-01T12:00:00.250Z", "at_ms": 1714564800250, "id": "alarm", "bcm_pin": 17,
                  "on": true, "error": false, "reason": "rule person-alarm: person 0.88", "rule": "person-alarm",
                  "detection": {"label": "person", "class_id": 0, "score": 0.875,
                                "box": {"xmin": 0.125, "ymin": 0.25, "xmax": 0.5, "ymax": 0.75}}}]"""));
        assertThat(controller.lastLimit).isEqualTo(1);
        assertThat(call("GET", "/relays/events").status()).isEqualTo(200);
        assertThat(controller.lastLimit).isEqualTo(RelaysApi.DEFAULT_EVENTS);
        assertThat(call("GET", "/relays/events?limit=201").status()).isEqualTo(400);
    }

    @Test
    void statusGivesGpioAndRefusedConfigurations() throws Exception {
        assertThat(wire(call("GET", "/relays/status"))).isEqualTo(FakeHttp.json("""
                {"gpio": "mock (no /proc/device-tree/model: not a Raspberry Pi)",
                 "problems": [{"pid": "org.bakusoku.relay~siren", "name": "relay siren",
                               "message": "BCM 17 is already used by relay alarm (BCM 17)",
                               "at": "2024-05-01T12:00:00.250Z", "at_ms": 1714564800250}]}"""));
    }

    @Test
    void rulesAreListedByNameWithTheirProblems() throws Exception {
        rules.add(() -> new RuleState("org.bakusoku.rules.detection~b", "vehicles", "", false,
                "labels must name at least one label, e.g. person; rule inactive until fixed", 0, null));
        rules.add(() -> new RuleState("org.bakusoku.rules.detection~a", "person-alarm",
                "person-alarm: [person>=0.60], 1 of 1 frames -> pulse alarm 2000 ms", true, null, T,
                RelayCause.rule("person-alarm", PERSON)));

        assertThat(wire(call("GET", "/rules"))).isEqualTo(FakeHttp.json("""
                [{"pid": "org.bakusoku.rules.detection~a", "name": "person-alarm",
                  "description": "person-alarm: [person>=0.60], 1 of 1 frames -> pulse alarm 2000 ms",
                  "active": true, "problem": null, "last_trigger": "2024-05-01T12:00:00.250Z",
                  "last_trigger_ms": 1714564800250, "last_reason": "rule person-alarm: person 0.88"},
                 {"pid": "org.bakusoku.rules.detection~b", "name": "vehicles", "description": "", "active": false,
                  "problem": "labels must name at least one label, e.g. person; rule inactive until fixed",
                  "last_trigger": null, "last_trigger_ms": null, "last_reason": null}]"""));
    }

    @Test
    void unknownPathsWrongMethodsAndNoControllerAnswerInTheErrorShape() {
        assertThat(call("GET", "/relays/alarm/toggle").status()).isEqualTo(404);
        assertThat(call("GET", "/relays/a/b/c").status()).isEqualTo(404);
        Answer wrong = call("GET", "/relays/alarm/pulse");
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.body().get("allow").asText()).isEqualTo("POST");
        assertThat(call("DELETE", "/relays").status()).isEqualTo(405);
        assertThat(call("GET", "/relays/").status()).isEqualTo(200);

        current.set(null);
        Answer none = call("POST", "/relays/alarm/reset");
        assertThat(none.status()).isEqualTo(503);
        assertThat(none.body().get("error").asText()).isEqualTo("relays_unavailable");
        assertThat(call("GET", "/rules").status()).isEqualTo(200);
    }

    /** Two relays, one event, one problem; records commands. */
    private static final class Relays implements RelayController {
        final List<String> commands = new ArrayList<>();
        boolean lockedOut;
        int lastLimit;
        private boolean gateOn;
        private boolean alarmOn = true;

        @Override
        public List<RelayState> relays() {
            return List.of(state("alarm").orElseThrow(), state("gate").orElseThrow());
        }

        @Override
        public Optional<RelayState> state(String id) {
            return switch (id) {
                case "alarm" -> Optional.of(new RelayState("alarm", "Alarm horn", 17, alarmOn, true, T,
                        "rule person-alarm: person 0.88", "person-alarm", PERSON, false, 600_000, false));
                case "gate" -> Optional.of(new RelayState("gate", "Gate", 27, gateOn, false, 0, "safe state at start",
                        null, null, false, 0, false));
                default -> Optional.empty();
            };
        }

        @Override
        public void set(String id, boolean on, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void pulse(String id, long durationMs, String reason) {
            if (lockedOut) {
                throw new IllegalStateException("relay " + id + " is locked out after its max.on.ms; reset it");
            }
            commands.add("pulse " + id + " " + durationMs + " " + reason);
            gateOn |= id.equals("gate");
        }

        @Override
        public void reset(String id, String reason) {
            commands.add("reset " + id + " " + reason);
            alarmOn &= !id.equals("alarm");
        }

        @Override
        public List<RelayEvent> events(int limit) {
            lastLimit = limit;
            return List.of(new RelayEvent(T, "alarm", 17, true, false, "rule person-alarm: person 0.88", "person-alarm",
                    PERSON));
        }

        @Override
        public List<ConfigProblem> problems() {
            return List.of(new ConfigProblem("org.bakusoku.relay~siren", "relay siren",
                    "BCM 17 is already used by relay alarm (BCM 17)", T));
        }

        @Override
        public String gpio() {
            return "mock (no /proc/device-tree/model: not a Raspberry Pi)";
        }
    }
}
