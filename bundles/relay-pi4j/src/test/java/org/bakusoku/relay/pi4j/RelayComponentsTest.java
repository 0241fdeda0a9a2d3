package org.bakusoku.relay.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;

import org.bakusoku.relay.RelayState;
import org.bakusoku.relay.RelayTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.component.ComponentConstants;

/**
 * The DS wrappers as SCR drives them (constructor = activate, then deactivate), on the real mock
 * context and timer thread. Pulses are long so that no timer fires while the test runs.
 */
class RelayComponentsTest {

    private static final long HOUR_MS = 3_600_000L;

    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private RelayControllerComponent controller = new RelayControllerComponent(
            ConfigProxy.of(RelayControllerComponent.Config.class, Map.of()), events);

    @AfterEach
    void stop() {
        controller.deactivate();
    }

    private RelayComponent relay(Map<String, Object> values) {
        return new RelayComponent(ConfigProxy.of(RelayComponent.Config.class, values), controller);
    }

    @Test
    void defaultConfigurationIsTheAlarmOnBcm17() {
        relay(Map.of());

        assertThat(controller.relays()).containsExactly(new RelayState("alarm", "Alarm", 17, false, false, 0L,
                "safe state at start"));
    }

    @Test
    void removingTheConfigurationPutsTheRelayInItsSafeState() {
        RelayComponent alarm = relay(Map.of());
        controller.pulse("alarm", HOUR_MS, "rule person-alarm: person 0.83");

        alarm.deactivate(ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED);

        assertThat(controller.relays()).isEmpty();
        assertThat(events.posted).extracting(event -> event.getProperty(RelayTopics.ON),
                event -> event.getProperty(RelayTopics.REASON)).containsExactly(
                        tuple(true, "rule person-alarm: person 0.83"),
                        tuple(false, "safe state: relay configuration removed"));
    }

    @Test
    void stoppingTheControllerPutsRelaysInTheirSafeState() {
        relay(Map.of());
        relay(Map.of("id", "lock", "bcm_pin", 5, "safe_state", true));
        controller.set("alarm", true, "console: on");
        controller.set("lock", false, "console: open");

        controller.deactivate();

        assertThat(events.posted.subList(2, 4)).extracting(event -> event.getProperty(RelayTopics.ID),
                event -> event.getProperty(RelayTopics.ON)).containsExactly(
                        tuple("alarm", false),
                        tuple("lock", true));
        assertThat(controller.relays()).isEmpty();
        // @AfterEach stops the controller in use: give it a fresh one.
        controller = new RelayControllerComponent(ConfigProxy.of(RelayControllerComponent.Config.class, Map.of()),
                events);
    }

    @Test
    void aRejectedDuplicateLeavesTheFirstRelayAlone() {
        relay(Map.of());
        RelayComponent duplicate = relay(Map.of("id", "siren", "bcm_pin", 17));
        RelayComponent sameId = relay(Map.of("bcm_pin", 22));
        RelayComponent badPin = relay(Map.of("id", "gate", "bcm_pin", 40));

        duplicate.deactivate(ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED);
        sameId.deactivate(ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED);
        badPin.deactivate(ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED);

        assertThat(controller.relays()).extracting(RelayState::id, RelayState::bcmPin)
                .containsExactly(tuple("alarm", 17));
    }

    @Test
    void aValidChangeMovesTheRelayThroughItsSafeState() {
        RelayComponent alarm = relay(Map.of());
        controller.set("alarm", true, "console: on");

        alarm.modified(ConfigProxy.of(RelayComponent.Config.class, Map.of("bcm_pin", 22, "active_low", true)));

        assertThat(controller.relays()).extracting(RelayState::bcmPin, RelayState::on, RelayState::activeLow)
                .containsExactly(tuple(22, false, true));
        assertThat(events.posted).extracting(event -> event.getProperty(RelayTopics.REASON))
                .containsExactly("console: on", "safe state: relay configuration changed");
    }

    @Test
    void anInvalidChangeKeepsTheRelayAsItWas() {
        RelayComponent alarm = relay(Map.of());
        controller.set("alarm", true, "console: on");

        alarm.modified(ConfigProxy.of(RelayComponent.Config.class, Map.of("bcm_pin", 40)));
        alarm.modified(ConfigProxy.of(RelayComponent.Config.class, Map.of("id", "door lock")));

        assertThat(controller.relays()).extracting(RelayState::id, RelayState::bcmPin, RelayState::on)
                .containsExactly(tuple("alarm", 17, true));
        assertThat(events.posted).hasSize(1);
    }

    @Test
    void theSafeStateReasonSaysWhyDsDeactivated() {
        assertThat(RelayComponent.cause(ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED))
                .isEqualTo("relay configuration removed");
        assertThat(RelayComponent.cause(ComponentConstants.DEACTIVATION_REASON_BUNDLE_STOPPED))
                .isEqualTo("relay bundle stopping");
        assertThat(RelayComponent.cause(ComponentConstants.DEACTIVATION_REASON_DISABLED)).isEqualTo("relay component stopped");
    }

    @Test
    void anUnavailableGpioProviderFallsBackToMock() {
        controller.deactivate();
        controller = new RelayControllerComponent(
                ConfigProxy.of(RelayControllerComponent.Config.class, Map.of("gpio_provider", "gpiod")), events);
        relay(Map.of());

        controller.pulse("alarm", HOUR_MS, "test");

        assertThat(controller.state("alarm")).get().extracting(RelayState::on).isEqualTo(true);
    }
}
