package org.bakusoku.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bakusoku.rules.Detections.detection;
import static org.bakusoku.rules.Detections.result;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.bakusoku.detect.Box;
import org.bakusoku.detect.Detection;
import org.bakusoku.relay.RelayTopics;
import org.bakusoku.relay.pi4j.RecordingEventAdmin;
import org.bakusoku.relay.pi4j.RelayBoard;
import org.bakusoku.relay.pi4j.RelayConfig;
import org.bakusoku.relay.pi4j.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rules against the real relay controller on Pi4J mock lines, in virtual time: detection sequences in, the
 * relay's line levels with their timestamps out ({@code "2200 LOW"} = the line went low 2200 ms after the
 * start). Frames come at 10 fps unless a test says otherwise.
 */
class RuleTimelineTest {

    private static final Detection PERSON = detection("person", 0.83f);

    private final VirtualScheduler clock = new VirtualScheduler();
    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private final RelayBoard board = RelayBoard.onMockLines(clock, events);
    private final RuleRunner runner = new RuleRunner(board, clock::monotonicMs, ZoneOffset.UTC);

    @AfterEach
    void close() {
        board.close();
    }

    private void relay(boolean activeLow, long maxOnMs) {
        assertThat(board.attach("org.bakusoku.relay~alarm", new RelayConfig("alarm", "Alarm", 17, activeLow, false, maxOnMs)))
                .isTrue();
    }

    private static DetectionRule rule(RuleAction action, long holdMs, long cooldownMs, int hits, int frames) {
        return new DetectionRule("r", new DetectionFilter(Map.of("person", 0.6f), 0, 1, null), hits, frames, "alarm",
                action, holdMs, holdMs, cooldownMs, null);
    }

    /** Feeds one frame per 100 ms from {@code fromMs} (inclusive) to {@code toMs} (exclusive). */
    private void frames(long fromMs, long toMs, Detection... detections) {
        for (long t = fromMs; t < toMs; t += 100) {
            clock.advanceTo(t);
            runner.onFrame(result(t, detections));
        }
    }

    /** @return the line level changes, e.g. {@code ["0 HIGH", "2200 LOW"]}, with the level read back from the line */
    private List<String> timeline() {
        return events.posted.stream().filter(e -> e.getTopic().equals(RelayTopics.CHANGED))
                .map(e -> ((Long) e.getProperty(RelayTopics.TIME) - VirtualScheduler.EPOCH_ORIGIN_MS) + " "
                        + (((Boolean) e.getProperty(RelayTopics.ON)) ^ board.state("alarm").orElseThrow().activeLow()
                                ? "HIGH" : "LOW"))
                .toList();
    }

    @Test
    void pulseHoldsUntilHoldMsAfterTheLastDetection() {
        relay(false, 0);
        runner.use(rule(RuleAction.PULSE, 2_000, 0, 1, 1));

        frames(0, 300, PERSON);
        frames(300, 5_000);

        assertThat(timeline()).containsExactly("0 HIGH", "2200 LOW");
        assertThat(board.lineHigh("alarm")).isFalse();
        assertThat(events.posted.get(0).getProperty(RelayTopics.REASON)).isEqualTo("rule r: person 0.83");
        assertThat(events.posted.get(0).getProperty(RelayTopics.DETECTION)).isEqualTo(PERSON);
    }

    @Test
    void activeLowInvertsTheLine() {
        relay(true, 0);
        runner.use(rule(RuleAction.PULSE, 1_000, 0, 1, 1));
        assertThat(board.lineHigh("alarm")).isTrue();

        frames(0, 100, PERSON);
        assertThat(board.lineHigh("alarm")).isFalse();
        frames(100, 2_000);

        assertThat(timeline()).containsExactly("0 LOW", "1000 HIGH");
    }

    @Test
    void latchStaysOnUntilResetThenCooldownHoldsItOff() {
        relay(false, 0);
        runner.use(rule(RuleAction.LATCH, 1, 5_000, 1, 1));

        frames(0, 100, PERSON);
        frames(100, 60_000);
        assertThat(board.lineHigh("alarm")).isTrue();
        clock.advanceTo(60_000);
        board.reset("alarm", "console: reset");
        frames(60_000, 65_200, PERSON); // cooldown: 5000 ms from the first frame that saw the reset

        assertThat(timeline()).containsExactly("0 HIGH", "60000 LOW", "65000 HIGH");
    }

    @Test
    void followStaysOnWhilePresentAndReleasesAfterTheDelay() {
        relay(false, 0);
        runner.use(rule(RuleAction.FOLLOW, 1_500, 0, 1, 1));

        frames(0, 1_000, PERSON);
        frames(1_000, 1_500); // gone for 500 ms: within the release delay
        frames(1_500, 3_000, PERSON);
        frames(3_000, 8_000);

        assertThat(timeline()).containsExactly("0 HIGH", "4500 LOW");
    }

    @Test
    void pulseCooldownStartsWhenThePulseRunsOut() {
        relay(false, 0);
        runner.use(rule(RuleAction.PULSE, 1_000, 3_000, 1, 1));

        frames(0, 100, PERSON);
        frames(100, 2_000);
        frames(2_000, 2_100, PERSON); // 1000 ms after the pulse ended: cooling down
        frames(2_100, 4_000);
        frames(4_000, 4_100, PERSON); // 3000 ms after: acts again

        assertThat(timeline()).containsExactly("0 HIGH", "1000 LOW", "4000 HIGH");
    }

    @Test
    void nOfMConfirmationIgnoresFlickerAndActsOnTheNthHit() {
        relay(false, 0);
        runner.use(rule(RuleAction.PULSE, 1_000, 0, 3, 5));

        for (long t = 0; t < 3_000; t += 300) { // one frame in three holds a person: 2 of 5 at most
            frames(t, t + 100, PERSON);
            frames(t + 100, t + 300);
        }
        assertThat(timeline()).isEmpty();
        frames(3_000, 3_300, PERSON);

        assertThat(timeline()).containsExactly("3100 HIGH"); // 2700, 3000, 3100: 3 of the last 5
    }

    @Test
    void perLabelThresholdsZoneAndAreaDecideWhatCounts() {
        relay(false, 0);
        Zone leftHalf = Zone.parse("0,0 0.5,0 0.5,1 0,1", "centre", 0.5);
        DetectionFilter filter = new DetectionFilter(DetectionFilter.parseLabels(List.of("person", "car=0.8"), 0.6), 0.05,
                1, leftHalf);
        runner.use(new DetectionRule("gate", filter, 1, 1, "alarm", RuleAction.PULSE, 500, 0, 0, null));

        frames(0, 100, detection("car", 0.7f), detection("person", 0.5f)); // scores below their minimums
        frames(100, 200, detection("person", 0.9f, Detections.RIGHT)); // outside the zone
        frames(200, 300, detection("person", 0.9f, new Box(0.1f, 0.1f, 0.2f, 0.2f))); // area 0.01 < 0.05
        assertThat(timeline()).isEmpty();
        frames(1_000, 1_100, detection("car", 0.85f));

        assertThat(timeline()).containsExactly("1000 HIGH");
        assertThat(events.posted.get(0).getProperty(RelayTopics.REASON)).isEqualTo("rule gate: car 0.85");
    }

    @Test
    void maxOnTimeCutsAFollowingRelayAndTheRuleCannotReEnergizeIt() {
        relay(false, 10_000);
        runner.use(rule(RuleAction.FOLLOW, 1_000, 0, 1, 1));

        frames(0, 20_000, PERSON);

        assertThat(timeline()).containsExactly("0 HIGH", "10000 LOW");
        assertThat(board.state("alarm").orElseThrow().lockedOut()).isTrue();
    }

    @Test
    void activeHoursGateTheRule() {
        relay(false, 0);
        runner.use(new DetectionRule("day", new DetectionFilter(Map.of("person", 0.6f), 0, 1, null), 1, 1, "alarm",
                RuleAction.PULSE, 1_000, 0, 0, ActiveHours.parse("08:00-18:00")));

        frames(0, 1_000, PERSON); // 00:00 UTC
        long eight = 8 * 3_600_000L;
        frames(eight, eight + 100, PERSON);
        clock.advanceTo(eight + 2_000);

        assertThat(timeline()).containsExactly(eight + " HIGH", (eight + 1_000) + " LOW");
    }

    @Test
    void stoppingTheRuleReleasesItsRelay() {
        relay(false, 0);
        runner.use(rule(RuleAction.LATCH, 1, 0, 1, 1));
        frames(0, 100, PERSON);

        runner.stop("safe state: rule r stopped");

        assertThat(timeline()).containsExactly("0 HIGH", "0 LOW");
        assertThat(board.state("alarm").orElseThrow().reason()).isEqualTo("safe state: rule r stopped");
    }
}
