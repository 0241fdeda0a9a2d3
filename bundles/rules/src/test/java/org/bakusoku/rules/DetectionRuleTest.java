package org.bakusoku.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bakusoku.rules.Detections.detection;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which detections a rule matches, and what it refuses as configuration. */
class DetectionRuleTest {

    private static final DetectionRule PERSON = new DetectionRule("person-alarm", List.of("person"), 0.6f, "alarm",
            RuleAction.PULSE, 2_000);

    @Test
    void matchesAPersonAtOrAboveTheMinimumScore() {
        assertThat(PERSON.match(List.of(detection("person", 0.6f)))).get().extracting(d -> d.score()).isEqualTo(0.6f);
        assertThat(PERSON.match(List.of(detection("person", 0.83f)))).isPresent();
    }

    @Test
    void ignoresAPersonJustBelowTheMinimumAndOtherLabels() {
        assertThat(PERSON.match(List.of(detection("person", 0.59f)))).isEmpty();
        assertThat(PERSON.match(List.of(detection("cat", 0.95f)))).isEmpty();
        assertThat(PERSON.match(List.of())).isEmpty();
    }

    @Test
    void severalLabelsMatchEachAndTheBestScoreWins() {
        DetectionRule vehicles = new DetectionRule("vehicles", List.of(" Car ", "truck", ""), 0.5f, "gate",
                RuleAction.PULSE, 10_000);

        assertThat(vehicles.labels()).containsExactly("car", "truck");
        assertThat(vehicles.match(List.of(detection("person", 0.99f), detection("truck", 0.55f),
                detection("car", 0.71f), detection("car", 0.4f)))).get()
                .extracting(d -> d.label(), d -> d.score()).containsExactly("car", 0.71f);
        assertThat(vehicles.match(List.of(detection("truck", 0.52f)))).isPresent();
        assertThat(vehicles.match(List.of(detection("person", 0.99f)))).isEmpty();
    }

    @Test
    void reasonNamesRuleLabelAndScoreToTwoDecimals() {
        assertThat(PERSON.reason(detection("person", 0.8312f))).isEqualTo("rule person-alarm: person 0.83");
        assertThat(PERSON.describe()).isEqualTo("person-alarm: [person] >= 0.60 -> pulse alarm 2000 ms");
    }

    @Test
    void badValuesAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> new DetectionRule("r", List.of("person"), 1.5f, "alarm", RuleAction.PULSE, 2_000))
                .hasMessage("score.min must be 0..1, got 1.5");
        assertThatThrownBy(() -> new DetectionRule("r", List.of("person"), Float.NaN, "alarm", RuleAction.PULSE, 2_000))
                .hasMessageContaining("score.min");
        assertThatThrownBy(() -> new DetectionRule("r", List.of("person"), 0.6f, "alarm", RuleAction.PULSE, 0))
                .hasMessage("hold.ms must be 1..3600000, got 0");
        assertThatThrownBy(() -> new DetectionRule("r", List.of("person"), 0.6f, "alarm", RuleAction.PULSE, 3_600_001))
                .hasMessageContaining("3600001");
        assertThatThrownBy(() -> new DetectionRule("r", List.of(" "), 0.6f, "alarm", RuleAction.PULSE, 2_000))
                .hasMessageContaining("labels");
        assertThatThrownBy(() -> new DetectionRule("r", List.of("person"), 0.6f, " ", RuleAction.PULSE, 2_000))
                .hasMessageContaining("relay.id");
        assertThatThrownBy(() -> new DetectionRule(" ", List.of("person"), 0.6f, "alarm", RuleAction.PULSE, 2_000))
                .hasMessageContaining("name");
    }

    @Test
    void actionParsesTheConfigurationValue() {
        assertThat(RuleAction.parse(" Pulse ")).isEqualTo(RuleAction.PULSE);
        assertThatThrownBy(() -> RuleAction.parse("latch")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("action must be one of [pulse], got 'latch'");
    }
}
