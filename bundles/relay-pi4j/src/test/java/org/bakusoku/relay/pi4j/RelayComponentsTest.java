package org.bakusoku.relay.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Map;

import org.bakusoku.detect.DetectTopics;
import org.bakusoku.relay.ConfigProblem;
import org.bakusoku.relay.RelayState;
import org.bakusoku.relay.RelayTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.event.Event;

/**
 * The DS wrappers as SCR drives them (constructor = activate, then deactivate) on the mock provider (the
 * faked sysroot has no device tree) in virtual time: configuration validation, the stall watchdog, the
 * shutdown hook.
 */
class RelayComponentsTest {

    private static final Event FRAME = new Event(DetectTopics.DETECTED, Map.of());

    @TempDir
    Path sysroot;

    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private final VirtualScheduler clock = new VirtualScheduler();
    private RelayControllerComponent controller;

    private RelayControllerComponent controller(Map<String, Object> values) {
        controller = new RelayControllerComponent(ConfigProxy.of(RelayControllerComponent.Config.class, values), events,
                sysroot, clock);
        return controller;
    }

    @AfterEach
    void stop() {
        if (controller != null) {
            controller.deactivate();
        }
    }

    private RelayComponent relay(String pid, Map<String, Object> values) {
        return new RelayComponent(ConfigProxy.of(RelayComponent.Config.class, values), Map.of("service.pid", pid),
                controller);
    }

    @Test
    void defaultConfigurationIsTheAlarmOnBcm17OnTheMockOffPi() {
        controller(Map.of());
        relay("org.bakusoku.relay~alarm", Map.of());

        assertThat(controller.gpio()).isEqualTo("mock (no /proc/device-tree/model: not a Raspberry Pi)");
        assertThat(controller.relays()).containsExactly(new RelayState("alarm", "Alarm", 17, false, false, 0L,
                "safe state at start", null, null, false, 600_000L, false));
    }

    @Test
    void anUnsupportedBoardRefusesEveryRelayWithTheReason() throws Exception {
        new FakeSysroot(sysroot).model("Raspberry Pi 3 Model B Rev 1.2");
        controller(Map.of());
        relay("org.bakusoku.relay~alarm", Map.of());

        assertThat(controller.relays()).isEmpty();
        assertThat(controller.gpio()).startsWith("unavailable: unsupported board 'Raspberry Pi 3 Model B Rev 1.2'");
        assertThat(controller.problems()).extracting(ConfigProblem::pid).containsExactly("org.bakusoku.relay~alarm");
        assertThat(controller.problems().get(0).message()).startsWith("cannot open the GPIO line: GPIO unavailable:"
                + " unsupported board");
    }

    @Test
    void badValuesAreRefusedWithAProblemAndThePreviousRelayStays() {
        controller(Map.of());
        RelayComponent alarm = relay("org.bakusoku.relay~alarm", Map.of());
        controller.set("alarm", true, "console: on");
        RelayComponent badPin = relay("org.bakusoku.relay~gate", Map.of("id", "gate", "bcm_pin", 40));
        relay("org.bakusoku.relay~siren", Map.of("id", "siren", "bcm_pin", 17));

        alarm.modified(ConfigProxy.of(RelayComponent.Config.class, Map.of("max_on_ms", -1L)));

        assertThat(controller.relays()).extracting(RelayState::id, RelayState::bcmPin, RelayState::on)
                .containsExactly(tuple("alarm", 17, true));
        assertThat(controller.problems()).extracting(ConfigProblem::pid, ConfigProblem::message).containsExactly(
                tuple("org.bakusoku.relay~gate", "bcm.pin must be 0..27, got 40"),
                tuple("org.bakusoku.relay~siren", "BCM 17 is already used by relay alarm (BCM 17)"),
                tuple("org.bakusoku.relay~alarm",
                        "max.on.ms must be 0 (no limit) or 1..86400000, got -1; keeping relay alarm (BCM 17)"));

        alarm.modified(ConfigProxy.of(RelayComponent.Config.class, Map.of()));
        badPin.deactivate(ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED);
        assertThat(controller.problems()).extracting(ConfigProblem::pid).containsExactly("org.bakusoku.relay~siren");
    }

    @Test
    void aValidChangeMovesTheRelayThroughItsSafeState() {
        controller(Map.of());
        RelayComponent alarm = relay("p", Map.of());
        controller.set("alarm", true, "console: on");

        alarm.modified(ConfigProxy.of(RelayComponent.Config.class, Map.of("bcm_pin", 22, "active_low", true)));

        assertThat(controller.relays()).extracting(RelayState::bcmPin, RelayState::on, RelayState::activeLow)
                .containsExactly(tuple(22, false, true));
        assertThat(events.posted).extracting(event -> event.getProperty(RelayTopics.REASON))
                .containsExactly("console: on", "safe state: relay configuration changed");
    }

    @Test
    void removingTheConfigurationOrStoppingTheBundlePutsTheRelayInItsSafeState() {
        controller(Map.of());
        RelayComponent alarm = relay("p1", Map.of());
        RelayComponent lock = relay("p2", Map.of("id", "lock", "bcm_pin", 5, "safe_state", true));
        controller.pulse("alarm", 60_000, "rule person-alarm: person 0.83");
        controller.set("lock", false, "console: open");

        alarm.deactivate(ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED);
        lock.deactivate(ComponentConstants.DEACTIVATION_REASON_BUNDLE_STOPPED);

        assertThat(controller.relays()).isEmpty();
        assertThat(events.posted.subList(2, 4)).extracting(event -> event.getProperty(RelayTopics.ID),
                event -> event.getProperty(RelayTopics.ON), event -> event.getProperty(RelayTopics.REASON))
                .containsExactly(tuple("alarm", false, "safe state: relay configuration removed"),
                        tuple("lock", true, "safe state: relay bundle stopping"));
    }

    @Test
    void aPipelineStallPutsRelaysInTheirSafeStateAtTheTimeout() {
        controller(Map.of("stall_timeout_ms", 2_000L));
        relay("p", Map.of());
        for (long t = 0; t <= 1_000; t += 100) {
            clock.advanceTo(t);
            controller.handleEvent(FRAME);
        }
        controller.set("alarm", true, "rule follow: person 0.90");

        clock.advanceTo(2_999);
        assertThat(controller.state("alarm")).get().extracting(RelayState::on).isEqualTo(true);
        clock.advanceTo(3_000);
        assertThat(controller.state("alarm")).get().extracting(RelayState::on, RelayState::reason).containsExactly(false,
                "safe state: no frame analysed for 2000 ms (stall.timeout.ms 2000): camera lost or detector stalled");
        assertThat(controller.gpio()).endsWith("; pipeline stalled, relays in safe state");

        clock.advanceTo(4_000);
        controller.handleEvent(FRAME);
        controller.set("alarm", true, "rule follow: person 0.90");
        assertThat(controller.gpio()).doesNotContain("stalled");
        clock.advanceTo(5_999);
        assertThat(controller.state("alarm")).get().extracting(RelayState::on).isEqualTo(true);
        clock.advanceTo(6_000);
        assertThat(controller.state("alarm")).get().extracting(RelayState::on).isEqualTo(false);
    }

    @Test
    void noStallBeforeTheFirstFrameNorWithTheWatchdogOff() {
        controller(Map.of("stall_timeout_ms", 0L));
        relay("p", Map.of("max_on_ms", 0L));
        controller.handleEvent(FRAME);
        controller.set("alarm", true, "console: on");

        clock.advanceTo(3_600_000);

        assertThat(controller.state("alarm")).get().extracting(RelayState::on).isEqualTo(true);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void theShutdownHookPutsRelaysInTheirSafeStateAndDeactivationUnregistersIt() throws Exception {
        controller(Map.of());
        relay("p", Map.of());
        controller.set("alarm", true, "console: on");
        Thread hook = controller.shutdownHook();

        hook.run(); // what the JVM does on SIGTERM, on this thread

        assertThat(controller.relays()).isEmpty();
        assertThat(events.posted).extracting(event -> event.getProperty(RelayTopics.ON),
                event -> event.getProperty(RelayTopics.REASON)).containsExactly(tuple(true, "console: on"),
                        tuple(false, "safe state: JVM shutting down (SIGTERM or exit)"));
        controller.deactivate();
        controller = null;
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("hook still registered").isFalse();
    }

    @Test
    void theSafeStateReasonSaysWhyDsDeactivated() {
        assertThat(RelayComponent.cause(ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED))
                .isEqualTo("relay configuration removed");
        assertThat(RelayComponent.cause(ComponentConstants.DEACTIVATION_REASON_BUNDLE_STOPPED))
                .isEqualTo("relay bundle stopping");
        assertThat(RelayComponent.cause(ComponentConstants.DEACTIVATION_REASON_DISABLED)).isEqualTo("relay component stopped");
    }
}
