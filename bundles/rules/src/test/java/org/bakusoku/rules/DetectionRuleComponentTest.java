package org.bakusoku.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bakusoku.rules.Detections.detection;
import static org.bakusoku.rules.Detections.result;

import java.util.Map;

import org.bakusoku.detect.DetectTopics;
import org.bakusoku.rules.RecordingRelayController.Pulse;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/** The DS component as SCR and EventAdmin drive it: configuration in, DETECTED events in, pulses out. */
class DetectionRuleComponentTest {

    private final RecordingRelayController relays = new RecordingRelayController("alarm", "gate");

    private static DetectionRuleComponent.Config config(Map<String, Object> values) {
        return ConfigProxy.of(DetectionRuleComponent.Config.class, values);
    }

    private static Event detected(Object result) {
        return new Event(DetectTopics.DETECTED, result == null ? Map.of() : Map.of(DetectTopics.RESULT, result));
    }

    @Test
    void defaultRulePulsesTheAlarmFor2000MsOnAPerson() {
        DetectionRuleComponent rule = new DetectionRuleComponent(config(Map.of()), relays);

        rule.handleEvent(detected(result(detection("person", 0.83f))));
        rule.handleEvent(detected(result(detection("person", 0.59f))));
        rule.handleEvent(detected(result(detection("cat", 0.97f))));

        assertThat(relays.pulses).containsExactly(new Pulse("alarm", 2_000, "rule person-alarm: person 0.83"));
    }

    @Test
    void modifiedConfigurationAppliesToTheNextFrame() {
        DetectionRuleComponent rule = new DetectionRuleComponent(config(Map.of()), relays);

        rule.modified(config(Map.of("name", "vehicles", "labels", new String[] { "car", "truck" }, "score_min", 0.5,
                "relay_id", "gate", "hold_ms", 10_000L)));
        rule.handleEvent(detected(result(detection("car", 0.55f), detection("person", 0.99f))));

        assertThat(relays.pulses).containsExactly(new Pulse("gate", 10_000, "rule vehicles: car 0.55"));
    }

    @Test
    void aBadModificationKeepsTheLastGoodRule() {
        DetectionRuleComponent rule = new DetectionRuleComponent(config(Map.of()), relays);

        rule.modified(config(Map.of("score_min", 1.5)));
        rule.modified(config(Map.of("action", "latch")));
        rule.handleEvent(detected(result(detection("person", 0.61f))));

        assertThat(relays.pulses).containsExactly(new Pulse("alarm", 2_000, "rule person-alarm: person 0.61"));
    }

    @Test
    void aBadInitialConfigurationLeavesTheRuleInactiveUntilFixed() {
        DetectionRuleComponent rule = new DetectionRuleComponent(config(Map.of("hold_ms", 0L)), relays);
        rule.handleEvent(detected(result(detection("person", 0.9f))));
        assertThat(relays.pulses).isEmpty();

        rule.modified(config(Map.of()));
        rule.handleEvent(detected(result(detection("person", 0.9f))));
        assertThat(relays.pulses).hasSize(1);
    }

    @Test
    void eventsWithoutAResultAreIgnored() {
        DetectionRuleComponent rule = new DetectionRuleComponent(config(Map.of()), relays);

        rule.handleEvent(detected(null));
        rule.handleEvent(detected("person 0.9"));

        assertThat(relays.pulses).isEmpty();
    }
}
