package org.bakusoku.relay.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.bakusoku.detect.Box;
import org.bakusoku.detect.Detection;
import org.bakusoku.relay.RelayCause;
import org.bakusoku.relay.RelayEvent;
import org.bakusoku.relay.RelayState;
import org.bakusoku.relay.RelayTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/** The relay controller on Pi4J mock lines in virtual time: line levels over time, deadlines, events, faults. */
class RelayBoardTest {

    private static final RelayConfig ALARM = new RelayConfig("alarm", "Alarm", 17, false, false, 0);
    private static final long T0 = VirtualScheduler.EPOCH_ORIGIN_MS;

    private final TestLines lines = new TestLines();
    private final VirtualScheduler clock = new VirtualScheduler();
    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private final RelayBoard board = new RelayBoard(lines, clock, new TransitionLog(events));

    @AfterEach
    void shutdown() {
        board.close();
        lines.close();
    }

    private List<Boolean> postedStates() {
        return events.posted.stream().map(event -> (Boolean) event.getProperty(RelayTopics.ON)).toList();
    }

    @Test
    void attachOpensTheLineAtTheSafeStateLevel() {
        assertThat(board.attach("p1", ALARM)).isTrue();
        assertThat(board.attach("p2", new RelayConfig("lock", "Door lock", 5, false, true, 0))).isTrue();

        assertThat(lines.high(17)).isFalse();
        assertThat(lines.high(5)).isTrue();
        assertThat(board.state("lock")).get().extracting(RelayState::on, RelayState::lastChangeMs, RelayState::safeState)
                .containsExactly(true, 0L, true);
        assertThat(events.posted).isEmpty();
    }

    @Test
    void pulseHoldsTheLineHighForExactlyTheDuration() {
        board.attach("p", ALARM);
        clock.advanceTo(1_000);

        board.pulse("alarm", 2_000, "rule person-alarm: person 0.83");
        assertThat(lines.high(17)).isTrue();

        clock.advanceTo(2_999);
        assertThat(lines.high(17)).isTrue();
        clock.advanceTo(3_000);
        assertThat(lines.high(17)).isFalse();
        assertThat(board.state("alarm")).get()
                .extracting(RelayState::on, RelayState::reason, RelayState::lastChangeMs)
                .containsExactly(false, "pulse ended", T0 + 3_000);
        assertThat(postedStates()).containsExactly(true, false);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void rePulseExtendsToTheDurationFromTheLatestPulse() {
        board.attach("p", ALARM);
        board.pulse("alarm", 2_000, "first");
        clock.advanceTo(1_500);
        board.pulse("alarm", 2_000, "second");

        clock.advanceTo(3_499);
        assertThat(lines.high(17)).isTrue();
        clock.advanceTo(3_500);
        assertThat(lines.high(17)).isFalse();
        // Extending is no transition: one ON, one OFF, and no timer is left behind.
        assertThat(postedStates()).containsExactly(true, false);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void shorterPulseDoesNotCutALongerOne() {
        board.attach("p", ALARM);
        board.pulse("alarm", 10_000, "console");
        clock.advanceTo(1_000);
        board.pulse("alarm", 2_000, "rule person-alarm: person 0.70");

        clock.advanceTo(9_999);
        assertThat(lines.high(17)).isTrue();
        clock.advanceTo(10_000);
        assertThat(lines.high(17)).isFalse();
    }

    @Test
    void activeLowDrivesTheLineLowWhenOn() {
        board.attach("p", new RelayConfig("siren", "Siren", 27, true, false, 0));
        assertThat(lines.high(27)).isTrue();

        board.pulse("siren", 500, "test");
        assertThat(lines.high(27)).isFalse();
        assertThat(board.state("siren")).get().extracting(RelayState::on, RelayState::activeLow).containsExactly(true, true);

        clock.advanceTo(500);
        assertThat(lines.high(27)).isTrue();
        assertThat(board.state("siren")).get().extracting(RelayState::on).isEqualTo(false);
    }

    @Test
    void setOffCancelsARunningPulseAndSetOnOutlivesIt() {
        board.attach("p", ALARM);
        board.pulse("alarm", 2_000, "rule person-alarm: person 0.83");
        clock.advanceTo(500);
        board.set("alarm", false, "console: off");
        assertThat(lines.high(17)).isFalse();

        board.pulse("alarm", 2_000, "rule person-alarm: person 0.90");
        board.set("alarm", true, "console: on");
        clock.advanceTo(60_000);
        assertThat(lines.high(17)).isTrue();
        assertThat(events.posted).extracting(event -> event.getProperty(RelayTopics.REASON))
                .containsExactly("rule person-alarm: person 0.83", "console: off", "rule person-alarm: person 0.90");
        assertThat(clock.pending()).isZero();
    }

    @Test
    void maxOnTimeCutsTheRelayAndLocksItOutUntilReset() {
        board.attach("p", new RelayConfig("alarm", "Alarm", 17, false, false, 60_000));
        board.set("alarm", true, "rule door-latch: person 0.91");

        clock.advanceTo(59_999);
        assertThat(lines.high(17)).isTrue();
        clock.advanceTo(60_000);
        assertThat(lines.high(17)).isFalse();
        assertThat(board.state("alarm")).get().extracting(RelayState::on, RelayState::lockedOut).containsExactly(false, true);
        assertThat(board.state("alarm").orElseThrow().reason()).contains("max.on.ms").contains("locked out until reset");

        assertThatThrownBy(() -> board.pulse("alarm", 1_000, "rule person-alarm: person 0.88"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("locked out");
        assertThatThrownBy(() -> board.set("alarm", true, "console: on")).isInstanceOf(IllegalStateException.class);
        assertThat(lines.high(17)).isFalse();

        board.reset("alarm", "console: reset");
        assertThat(board.state("alarm")).get().extracting(RelayState::lockedOut).isEqualTo(false);
        board.pulse("alarm", 1_000, "console: test pulse");
        assertThat(lines.high(17)).isTrue();
    }

    @Test
    void maxOnTimeCutsALongPulseAndRePulsesDoNotRestartIt() {
        board.attach("p", new RelayConfig("alarm", "Alarm", 17, false, false, 5_000));
        for (long t = 0; t < 8_000; t += 1_000) {
            clock.advanceTo(t);
            if (!board.state("alarm").orElseThrow().lockedOut()) {
                board.pulse("alarm", 2_000, "rule person-alarm: person 0.80");
            }
        }
        clock.advanceTo(20_000);

        assertThat(events.posted).extracting(event -> event.getProperty(RelayTopics.ON),
                event -> event.getProperty(RelayTopics.TIME)).containsExactly(
                        tuple(true, T0), tuple(false, T0 + 5_000));
    }

    @Test
    void resetReleasesALatchedRelay() {
        board.attach("p", ALARM);
        board.set("alarm", true, RelayCause.of("rule intruder: person 0.95"));
        clock.advanceTo(3_600_000);
        assertThat(lines.high(17)).isTrue();

        board.reset("alarm", "console: reset");

        assertThat(lines.high(17)).isFalse();
        assertThat(board.state("alarm")).get().extracting(RelayState::reason).isEqualTo("console: reset");
    }

    @Test
    void theCauseNamesRuleAndDetectionInStateEventAndLog() {
        board.attach("p", ALARM);
        Detection person = new Detection("person", 0, 0.83f, new Box(0.1f, 0.2f, 0.4f, 0.9f));

        board.pulse("alarm", 2_000, RelayCause.rule("person-alarm", person));

        assertThat(board.state("alarm")).get().extracting(RelayState::reason, RelayState::rule, RelayState::detection)
                .containsExactly("rule person-alarm: person 0.83", "person-alarm", person);
        Event on = events.posted.get(0);
        assertThat(on.getProperty(RelayTopics.RULE)).isEqualTo("person-alarm");
        assertThat(on.getProperty(RelayTopics.DETECTION)).isEqualTo(person);
        assertThat(board.events(10)).extracting(RelayEvent::rule, RelayEvent::detection)
                .containsExactly(tuple("person-alarm", person));
    }

    @Test
    void transitionLogIsNewestFirstAndBounded() {
        board.attach("p", ALARM);
        for (int i = 0; i < TransitionLog.CAPACITY; i++) {
            clock.advanceTo(i * 10L);
            board.set("alarm", i % 2 == 0, "step " + i);
        }

        assertThat(board.events(3)).extracting(RelayEvent::reason, RelayEvent::atMs).containsExactly(
                tuple("step 199", T0 + 1_990), tuple("step 198", T0 + 1_980), tuple("step 197", T0 + 1_970));
        assertThat(board.events(1_000)).hasSize(TransitionLog.CAPACITY);
        assertThat(board.events(1_000).get(TransitionLog.CAPACITY - 1).reason()).isEqualTo("step 0");
    }

    @Test
    void aLineThatReadsBackWrongIsAFaultEventAndTheCommandStands() {
        board.attach("p", ALARM);
        lines.stick(17, false);

        board.pulse("alarm", 2_000, "console: test pulse");

        assertThat(events.posted).extracting(Event::getTopic).containsExactly(RelayTopics.CHANGED, RelayTopics.ERROR);
        Event fault = events.posted.get(1);
        assertThat(fault.getProperty(RelayTopics.REASON)).isEqualTo(
                "line reads LOW after writing HIGH: another program drives BCM 17, or the line is shorted");
        assertThat(fault.getProperty(RelayTopics.ID)).isEqualTo("alarm");
        assertThat(board.events(5)).extracting(RelayEvent::error).containsExactly(true, false);
        assertThat(board.state("alarm")).get().extracting(RelayState::on).isEqualTo(true);
    }

    @Test
    void aFailedWriteIsAFaultEventAndTheRelayKeepsItsState() {
        board.attach("p", ALARM);
        lines.failWrites(17);

        board.set("alarm", true, "console: on");

        assertThat(events.posted).extracting(Event::getTopic).containsExactly(RelayTopics.ERROR);
        assertThat((String) events.posted.get(0).getProperty(RelayTopics.REASON))
                .isEqualTo("writing line HIGH failed, relay stays OFF: EIO from gpiochip");
        assertThat(board.state("alarm")).get().extracting(RelayState::on).isEqualTo(false);
    }

    @Test
    void unknownIdAndBadDurationAreRejected() {
        board.attach("p", ALARM);

        assertThatThrownBy(() -> board.set("gate", true, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'gate'");
        assertThatThrownBy(() -> board.pulse("gate", 2_000, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'gate'");
        assertThatThrownBy(() -> board.pulse("alarm", 0, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..3600000");
        assertThatThrownBy(() -> board.pulse("alarm", -5, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -5");
        assertThatThrownBy(() -> board.reset("gate", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(lines.high(17)).isFalse();
        assertThat(events.posted).isEmpty();
    }

    @Test
    void duplicatePinOrIdIsRejectedWithTheReasonAndTheFirstRelayStays() {
        board.attach("org.bakusoku.relay~alarm", ALARM);

        assertThat(board.attach("org.bakusoku.relay~siren", new RelayConfig("siren", "Siren", 17, true, false, 0)))
                .isFalse();
        assertThat(board.attach("org.bakusoku.relay~alarm2", new RelayConfig("alarm", "Other", 22, false, false, 0)))
                .isFalse();

        assertThat(board.relays()).extracting(RelayState::id, RelayState::bcmPin).containsExactly(tuple("alarm", 17));
        assertThat(lines.isOpen(22)).isFalse();
        assertThat(lines.high(17)).isFalse();
        assertThat(board.problems()).extracting(p -> p.pid(), p -> p.message()).containsExactly(
                tuple("org.bakusoku.relay~siren", "BCM 17 is already used by relay alarm (BCM 17)"),
                tuple("org.bakusoku.relay~alarm2", "id 'alarm' is already used by relay alarm (BCM 17)"));

        board.forget("org.bakusoku.relay~siren");
        assertThat(board.problems()).hasSize(1);
    }

    @Test
    void detachGoesToSafeStateAndFreesThePin() {
        board.attach("p", ALARM);
        board.pulse("alarm", 2_000, "rule person-alarm: person 0.83");

        board.detach("alarm", "safe state: relay configuration removed");

        assertThat(lines.isOpen(17)).isFalse();
        assertThat(board.relays()).isEmpty();
        assertThat(clock.pending()).isZero();
        assertThat(postedStates()).containsExactly(true, false);
        assertThat(board.attach("p2", new RelayConfig("siren", "Siren", 17, true, false, 0))).isTrue();
        assertThat(lines.high(17)).isTrue();
    }

    @Test
    void safeAllPutsRelaysInTheirSafeStateAndRulesMayDriveThemAgain() {
        board.attach("p1", ALARM);
        board.attach("p2", new RelayConfig("lock", "Door lock", 5, true, true, 0));
        board.set("alarm", true, "rule follow: person 0.9");
        board.set("lock", false, "rule open-door: car 0.8");

        board.safeAll("safe state: no frame analysed for 5000 ms");

        assertThat(lines.high(17)).isFalse();
        assertThat(lines.high(5)).isFalse(); // active-low, safe state on: the line is low
        assertThat(board.relays()).extracting(RelayState::on, RelayState::lockedOut)
                .containsExactly(tuple(false, false), tuple(true, false));
        board.set("alarm", true, "rule follow: person 0.9");
        assertThat(lines.high(17)).isTrue();
    }

    @Test
    void closePutsEveryRelayInItsSafeStateAndReleasesTheLines() {
        board.attach("p1", ALARM);
        board.attach("p2", new RelayConfig("lock", "Door lock", 5, true, true, 0));
        board.pulse("alarm", 2_000, "rule person-alarm: person 0.83");
        board.set("lock", false, "console: open");
        assertThat(lines.high(17)).isTrue();
        assertThat(lines.high(5)).isTrue();

        board.close("safe state: JVM shutting down (SIGTERM or exit)");

        assertThat(lines.high(17)).isFalse();
        assertThat(lines.high(5)).isFalse();
        assertThat(lines.isOpen(17)).isFalse();
        assertThat(board.relays()).isEmpty();
        assertThat(clock.pending()).isZero();
        assertThat(events.posted.subList(2, 4)).extracting(event -> event.getProperty(RelayTopics.ID),
                event -> event.getProperty(RelayTopics.ON), event -> event.getProperty(RelayTopics.REASON))
                .containsExactly(
                        tuple("alarm", false, "safe state: JVM shutting down (SIGTERM or exit)"),
                        tuple("lock", true, "safe state: JVM shutting down (SIGTERM or exit)"));
    }

    @Test
    void relaysAreListedById() {
        board.attach("p1", new RelayConfig("zeta", "Zeta", 5, false, false, 0));
        board.attach("p2", ALARM);
        board.attach("p3", new RelayConfig("gate", null, 6, false, false, 0));

        assertThat(board.relays()).extracting(RelayState::id).containsExactly("alarm", "gate", "zeta");
        assertThat(board.state("gate")).get().extracting(RelayState::name).isEqualTo("gate");
    }

    @Test
    void configRejectsPinsOutsideTheHeaderBadIdsAndNegativeDurations() {
        assertThatThrownBy(() -> new RelayConfig("alarm", "Alarm", 28, false, false, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bcm.pin must be 0..27, got 28");
        assertThatThrownBy(() -> new RelayConfig("alarm", "Alarm", -1, false, false, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -1");
        assertThatThrownBy(() -> new RelayConfig("door lock", "Door", 5, false, false, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'door lock'");
        assertThatThrownBy(() -> new RelayConfig("alarm", "Alarm", 17, false, false, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max.on.ms must be 0 (no limit) or 1..86400000, got -1");
    }
}
