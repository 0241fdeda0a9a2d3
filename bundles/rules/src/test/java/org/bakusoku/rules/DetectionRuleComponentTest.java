package org.bakusoku.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bakusoku.rules.Detections.detection;
import static org.bakusoku.rules.Detections.result;

import java.time.ZoneOffset;
import java.util.Map;

import org.bakusoku.detect.DetectTopics;
import org.bakusoku.relay.RelayState;
import org.bakusoku.relay.RuleState;
import org.bakusoku.relay.pi4j.RecordingEventAdmin;
import org.bakusoku.relay.pi4j.RelayBoard;
import org.bakusoku.relay.pi4j.RelayConfig;
import org.bakusoku.relay.pi4j.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/** The DS component as SCR and EventAdmin drive it: configuration in, DETECTED events in, relay states out. */
class DetectionRuleComponentTest {

    private static final String PID = "org.bakusoku.rules.detection~person-alarm";

    private final VirtualScheduler clock = new VirtualScheduler();
    private final RelayBoard relays = RelayBoard.onMockLines(clock, new RecordingEventAdmin());

    @BeforeEach
    void relays() {
        relays.attach("a", new RelayConfig("alarm", "Alarm", 17, false, false, 0));
        relays.attach("g", new RelayConfig("gate", "Gate", 27, false, false, 0));
    }

    @AfterEach
    void close() {
        relays.close();
    }

    private static RuleConfig config(Map<String, Object> values) {
        return ConfigProxy.of(RuleConfig.class, values);
    }

    private DetectionRuleComponent component(Map<String, Object> values) {
        return new DetectionRuleComponent(config(values), Map.of("service.pid", PID),
                new RuleRunner(relays, clock::monotonicMs, ZoneOffset.UTC));
    }

    private static Event detected(Object result) {
        return new Event(DetectTopics.DETECTED, result == null ? Map.of() : Map.of(DetectTopics.RESULT, result));
    }

    private boolean on(String id) {
        return relays.state(id).map(RelayState::on).orElseThrow();
    }

    @Test
    void defaultRulePulsesTheAlarmFor2000MsOnAPerson() {
        DetectionRuleComponent rule = component(Map.of());

        rule.handleEvent(detected(result(0, detection("person", 0.59f), detection("cat", 0.97f))));
        assertThat(on("alarm")).isFalse();
        clock.advanceTo(100);
        rule.handleEvent(detected(result(100, detection("person", 0.83f))));
        assertThat(on("alarm")).isTrue();
        clock.advanceTo(2_099);
        assertThat(on("alarm")).isTrue();
        clock.advanceTo(2_100);
        assertThat(on("alarm")).isFalse();
        assertThat(rule.state()).isEqualTo(new RuleState(PID, "person-alarm",
                "person-alarm: [person>=0.60], 1 of 1 frames -> pulse alarm 2000 ms", true, null,
                Detections.ORIGIN_MS + 100, org.bakusoku.relay.RelayCause.rule("person-alarm", detection("person", 0.83f))));
    }

    @Test
    void modifiedConfigurationAppliesToTheNextFrame() {
        DetectionRuleComponent rule = component(Map.of());

        rule.modified(config(Map.of("name", "vehicles", "labels", new String[] { "car", "truck=0.7" }, "score_min", 0.5,
                "relay_id", "gate", "action", "follow", "release_delay_ms", 0L)));
        rule.handleEvent(detected(result(0, detection("car", 0.55f), detection("person", 0.99f))));

        assertThat(on("gate")).isTrue();
        assertThat(on("alarm")).isFalse();
        rule.handleEvent(detected(result(100)));
        assertThat(on("gate")).isFalse();
    }

    @Test
    void badConfigurationsAreRefusedWithAMessageAndTheLastGoodRuleStays() {
        DetectionRuleComponent rule = component(Map.of());

        for (Map<String, Object> bad : new Map[] { Map.of("labels", new String[] { " " }), Map.of("hold_ms", -1L),
                Map.of("cooldown_ms", -5L), Map.of("release_delay_ms", -1L), Map.of("confirm_hits", 3),
                Map.of("zone_polygon", "0,0 1,1"), Map.of("active_hours", "late"), Map.of("action", "toggle") }) {
            rule.modified(config(bad));
            assertThat(rule.state().problem()).as("refused: %s", bad)
                    .endsWith("; keeping person-alarm: [person>=0.60], 1 of 1 frames -> pulse alarm 2000 ms");
        }
        assertThat(rule.state().problem()).startsWith("action must be one of [pulse, latch, follow], got 'toggle'");
        rule.handleEvent(detected(result(0, detection("person", 0.61f))));
        assertThat(on("alarm")).isTrue();

        rule.modified(config(Map.of()));
        assertThat(rule.state().problem()).isNull();
    }

    @Test
    void theRefusalsNameTheValue() {
        assertThatThrownBy(() -> DetectionRuleComponent.toRule(config(Map.of("hold_ms", -1L))))
                .hasMessage("hold.ms must be 1..3600000, got -1");
        assertThatThrownBy(() -> DetectionRuleComponent.toRule(config(Map.of("labels", new String[0]))))
                .hasMessage("labels must name at least one label, e.g. person");
        assertThatThrownBy(() -> DetectionRuleComponent.toRule(config(Map.of("confirm_hits", 3))))
                .hasMessage("confirm.hits must be 1..confirm.window.frames (1), got 3");
    }

    @Test
    void aBadInitialConfigurationLeavesTheRuleInactiveUntilFixed() {
        DetectionRuleComponent rule = component(Map.of("hold_ms", 0L));
        rule.handleEvent(detected(result(0, detection("person", 0.9f))));
        assertThat(on("alarm")).isFalse();
        assertThat(rule.state()).extracting(RuleState::active, RuleState::problem)
                .containsExactly(false, "hold.ms must be 1..3600000, got 0; rule inactive until fixed");

        rule.modified(config(Map.of()));
        rule.handleEvent(detected(result(100, detection("person", 0.9f))));
        assertThat(on("alarm")).isTrue();
    }

    @Test
    void deactivationPutsTheRelayInItsSafeState() {
        DetectionRuleComponent rule = component(Map.of("action", "latch"));
        rule.handleEvent(detected(result(0, detection("person", 0.9f))));
        assertThat(on("alarm")).isTrue();

        rule.deactivate();

        assertThat(relays.state("alarm")).get().extracting(RelayState::on, RelayState::reason)
                .containsExactly(false, "safe state: rule person-alarm stopped");
    }

    @Test
    void eventsWithoutAResultAreIgnored() {
        DetectionRuleComponent rule = component(Map.of());

        rule.handleEvent(detected(null));
        rule.handleEvent(detected("person 0.9"));

        assertThat(on("alarm")).isFalse();
    }
}
