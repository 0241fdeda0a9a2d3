package org.bakusoku.relay.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.bakusoku.relay.RelayState;
import org.bakusoku.relay.RelayTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;

/** The relay controller on Pi4J mock lines in virtual time: line levels, timers, events. */
class RelayBoardTest {

    private static final RelayConfig ALARM = new RelayConfig("alarm", "Alarm", 17, false, false);

    private final Context gpio = Pi4jContexts.mock();
    private final VirtualScheduler clock = new VirtualScheduler();
    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private final RelayBoard board = new RelayBoard(gpio, clock, events);

    @AfterEach
    void shutdown() {
        board.close();
        gpio.shutdown();
    }

    /** The mock line at a BCM number, as Pi4J holds it. */
    private DigitalOutput line(int bcmPin) {
        return gpio.registry().allByType(DigitalOutput.class).values().stream()
                .filter(output -> output.config().address() == bcmPin)
                .findFirst().orElseThrow(() -> new AssertionError("no line open on BCM " + bcmPin));
    }

    private List<Boolean> postedStates() {
        return events.posted.stream().map(event -> (Boolean) event.getProperty(RelayTopics.ON)).toList();
    }

    @Test
    void attachOpensTheLineAtTheSafeStateLevel() {
        assertThat(board.attach(ALARM)).isTrue();
        assertThat(board.attach(new RelayConfig("lock", "Door lock", 5, false, true))).isTrue();

        assertThat(line(17).state()).isEqualTo(DigitalState.LOW);
        assertThat(line(5).state()).isEqualTo(DigitalState.HIGH);
        assertThat(board.state("lock")).get().extracting(RelayState::on, RelayState::lastChangeMs).containsExactly(true, 0L);
        assertThat(events.posted).isEmpty();
    }

    @Test
    void pulseHoldsTheLineHighForExactlyTheDuration() {
        board.attach(ALARM);
        clock.advanceTo(1_000);

        board.pulse("alarm", 2_000, "rule person-alarm: person 0.83");
        assertThat(line(17).state()).isEqualTo(DigitalState.HIGH);
        assertThat(board.state("alarm")).get().extracting(RelayState::on).isEqualTo(true);

        clock.advanceTo(2_999);
        assertThat(line(17).state()).isEqualTo(DigitalState.HIGH);

        clock.advanceTo(3_000);
        assertThat(line(17).state()).isEqualTo(DigitalState.LOW);
        assertThat(board.state("alarm")).get()
                .extracting(RelayState::on, RelayState::reason, RelayState::lastChangeMs)
                .containsExactly(false, "pulse ended", VirtualScheduler.EPOCH_ORIGIN_MS + 3_000);
        assertThat(postedStates()).containsExactly(true, false);
    }

    @Test
    void rePulseExtendsToTheDurationFromTheLatestPulse() {
        board.attach(ALARM);
        board.pulse("alarm", 2_000, "first");
        clock.advanceTo(1_500);
        board.pulse("alarm", 2_000, "second");

        clock.advanceTo(3_499);
        assertThat(line(17).state()).isEqualTo(DigitalState.HIGH);
        clock.advanceTo(3_500);
        assertThat(line(17).state()).isEqualTo(DigitalState.LOW);
        // Extending is no transition: one ON, one OFF, and the replaced timer is gone.
        assertThat(postedStates()).containsExactly(true, false);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void shorterPulseDoesNotCutALongerOne() {
        board.attach(ALARM);
        board.pulse("alarm", 10_000, "console");
        clock.advanceTo(1_000);
        board.pulse("alarm", 2_000, "rule person-alarm: person 0.70");

        clock.advanceTo(9_999);
        assertThat(line(17).state()).isEqualTo(DigitalState.HIGH);
        clock.advanceTo(10_000);
        assertThat(line(17).state()).isEqualTo(DigitalState.LOW);
    }

    @Test
    void activeLowDrivesTheLineLowWhenOn() {
        board.attach(new RelayConfig("siren", "Siren", 27, true, false));
        assertThat(line(27).state()).isEqualTo(DigitalState.HIGH);

        board.pulse("siren", 500, "test");
        assertThat(line(27).state()).isEqualTo(DigitalState.LOW);
        assertThat(board.state("siren")).get().extracting(RelayState::on, RelayState::activeLow).containsExactly(true, true);

        clock.advanceTo(500);
        assertThat(line(27).state()).isEqualTo(DigitalState.HIGH);
        assertThat(board.state("siren")).get().extracting(RelayState::on).isEqualTo(false);
    }

    @Test
    void setOffCancelsARunningPulse() {
        board.attach(ALARM);
        board.pulse("alarm", 2_000, "rule person-alarm: person 0.83");
        clock.advanceTo(500);

        board.set("alarm", false, "console: off");
        assertThat(line(17).state()).isEqualTo(DigitalState.LOW);

        clock.advanceTo(5_000);
        assertThat(line(17).state()).isEqualTo(DigitalState.LOW);
        assertThat(events.posted).extracting(event -> event.getProperty(RelayTopics.REASON))
                .containsExactly("rule person-alarm: person 0.83", "console: off");
    }

    @Test
    void setOnDuringAPulseKeepsTheRelayOnPastTheEnd() {
        board.attach(ALARM);
        board.pulse("alarm", 2_000, "rule person-alarm: person 0.83");
        board.set("alarm", true, "console: on");

        clock.advanceTo(60_000);
        assertThat(line(17).state()).isEqualTo(DigitalState.HIGH);
        assertThat(postedStates()).containsExactly(true);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void unknownIdAndBadDurationAreRejected() {
        board.attach(ALARM);

        assertThatThrownBy(() -> board.set("gate", true, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'gate'");
        assertThatThrownBy(() -> board.pulse("gate", 2_000, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'gate'");
        assertThatThrownBy(() -> board.pulse("alarm", 0, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..3600000");
        assertThatThrownBy(() -> board.pulse("alarm", 3_600_001, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3600001");
        assertThat(board.state("gate")).isEmpty();
        assertThat(line(17).state()).isEqualTo(DigitalState.LOW);
        assertThat(events.posted).isEmpty();
    }

    @Test
    void duplicatePinOrIdIsRejectedAndTheFirstRelayStays() {
        board.attach(ALARM);

        assertThat(board.attach(new RelayConfig("siren", "Siren", 17, true, false))).isFalse();
        assertThat(board.attach(new RelayConfig("alarm", "Other alarm", 22, false, false))).isFalse();

        assertThat(board.relays()).extracting(RelayState::id, RelayState::bcmPin).containsExactly(
                tuple("alarm", 17));
        assertThat(gpio.registry().exists(22)).isFalse();
        assertThat(line(17).state()).isEqualTo(DigitalState.LOW);
    }

    @Test
    void detachGoesToSafeStateAndFreesThePin() {
        board.attach(ALARM);
        board.pulse("alarm", 2_000, "rule person-alarm: person 0.83");
        DigitalOutput alarmLine = line(17);

        board.detach("alarm", "safe state: relay configuration removed");

        assertThat(alarmLine.state()).isEqualTo(DigitalState.LOW);
        assertThat(board.relays()).isEmpty();
        assertThat(clock.pending()).isZero();
        assertThat(board.attach(new RelayConfig("siren", "Siren", 17, true, false))).isTrue();
        assertThat(line(17).state()).isEqualTo(DigitalState.HIGH);
    }

    @Test
    void closePutsEveryRelayInItsSafeState() {
        board.attach(ALARM);
        board.attach(new RelayConfig("lock", "Door lock", 5, true, true));
        board.pulse("alarm", 2_000, "rule person-alarm: person 0.83");
        board.set("lock", false, "console: open");
        DigitalOutput alarmLine = line(17);
        DigitalOutput lockLine = line(5);
        assertThat(alarmLine.state()).isEqualTo(DigitalState.HIGH);
        assertThat(lockLine.state()).isEqualTo(DigitalState.HIGH);

        board.close();

        assertThat(alarmLine.state()).isEqualTo(DigitalState.LOW);
        assertThat(lockLine.state()).isEqualTo(DigitalState.LOW);
        assertThat(board.relays()).isEmpty();
        assertThat(clock.pending()).isZero();
        assertThat(gpio.registry().all()).isEmpty();
        assertThat(events.posted.subList(2, 4)).extracting(event -> event.getProperty(RelayTopics.ID),
                event -> event.getProperty(RelayTopics.ON), event -> event.getProperty(RelayTopics.REASON))
                .containsExactly(
                        tuple("alarm", false, "safe state: relay controller stopped"),
                        tuple("lock", true, "safe state: relay controller stopped"));
    }

    @Test
    void changedEventsCarryIdStatePinReasonAndTime() {
        board.attach(ALARM);
        clock.advanceTo(250);
        board.pulse("alarm", 2_000, "rule person-alarm: person 0.83");
        clock.advanceTo(2_250);

        assertThat(events.posted).hasSize(2);
        Event on = events.posted.get(0);
        assertThat(on.getTopic()).isEqualTo(RelayTopics.CHANGED);
        assertThat(on.getProperty(RelayTopics.ID)).isEqualTo("alarm");
        assertThat(on.getProperty(RelayTopics.ON)).isEqualTo(Boolean.TRUE);
        assertThat(on.getProperty(RelayTopics.BCM_PIN)).isEqualTo(Integer.valueOf(17));
        assertThat(on.getProperty(RelayTopics.REASON)).isEqualTo("rule person-alarm: person 0.83");
        assertThat(on.getProperty(RelayTopics.TIME)).isEqualTo(Long.valueOf(VirtualScheduler.EPOCH_ORIGIN_MS + 250));
        Event off = events.posted.get(1);
        assertThat(off.getProperty(RelayTopics.ON)).isEqualTo(Boolean.FALSE);
        assertThat(off.getProperty(RelayTopics.REASON)).isEqualTo("pulse ended");
        assertThat(off.getProperty(RelayTopics.TIME)).isEqualTo(Long.valueOf(VirtualScheduler.EPOCH_ORIGIN_MS + 2_250));
    }

    @Test
    void relaysAreListedById() {
        board.attach(new RelayConfig("zeta", "Zeta", 5, false, false));
        board.attach(ALARM);
        board.attach(new RelayConfig("gate", null, 6, false, false));

        assertThat(board.relays()).extracting(RelayState::id).containsExactly("alarm", "gate", "zeta");
        assertThat(board.state("gate")).get().extracting(RelayState::name).isEqualTo("gate");
    }

    @Test
    void configRejectsPinsOutsideTheHeaderAndBadIds() {
        assertThatThrownBy(() -> new RelayConfig("alarm", "Alarm", 28, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bcm.pin must be 0..27, got 28");
        assertThatThrownBy(() -> new RelayConfig("alarm", "Alarm", -1, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -1");
        assertThatThrownBy(() -> new RelayConfig("door lock", "Door", 5, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'door lock'");
    }
}
