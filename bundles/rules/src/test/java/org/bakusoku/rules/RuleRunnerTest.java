package org.bakusoku.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bakusoku.rules.Detections.detection;

import java.util.List;

import org.bakusoku.rules.RecordingRelayController.Pulse;
import org.junit.jupiter.api.Test;

/** A rule applied frame by frame, acting on a recording relay controller. */
class RuleRunnerTest {

    private final RecordingRelayController relays = new RecordingRelayController("alarm");
    private final RuleRunner runner = new RuleRunner(relays);

    private static DetectionRule rule(String relayId) {
        return new DetectionRule("person-alarm", List.of("person"), 0.6f, relayId, RuleAction.PULSE, 2_000);
    }

    @Test
    void aMatchingFramePulsesTheRelayForTheHoldTime() {
        runner.use(rule("alarm"));

        assertThat(runner.onDetections(List.of(detection("cat", 0.9f), detection("person", 0.83f)))).isTrue();

        assertThat(relays.pulses).containsExactly(new Pulse("alarm", 2_000, "rule person-alarm: person 0.83"));
    }

    @Test
    void everyMatchingFramePulsesAgainSoTheControllerExtendsTheHold() {
        runner.use(rule("alarm"));

        runner.onDetections(List.of(detection("person", 0.7f)));
        runner.onDetections(List.of(detection("person", 0.59f)));
        runner.onDetections(List.of(detection("person", 0.65f)));

        assertThat(relays.pulses).extracting(Pulse::reason)
                .containsExactly("rule person-alarm: person 0.70", "rule person-alarm: person 0.65");
    }

    @Test
    void nothingHappensWithoutARuleOrWithoutAMatch() {
        assertThat(runner.onDetections(List.of(detection("person", 0.99f)))).isFalse();
        runner.use(rule("alarm"));
        assertThat(runner.onDetections(List.of(detection("person", 0.59f), detection("cat", 0.99f)))).isFalse();

        assertThat(relays.pulses).isEmpty();
    }

    @Test
    void anUnknownRelayIsReportedNotThrownAndARuleChangeFixesIt() {
        runner.use(rule("siren"));

        assertThat(runner.onDetections(List.of(detection("person", 0.9f)))).isFalse();
        assertThat(runner.onDetections(List.of(detection("person", 0.9f)))).isFalse();

        runner.use(rule("alarm"));
        assertThat(runner.onDetections(List.of(detection("person", 0.9f)))).isTrue();
        assertThat(relays.pulses).extracting(Pulse::id).containsExactly("alarm");
    }
}
