package org.bakusoku.relay.pi4j;

import java.util.List;
import java.util.Optional;

import org.bakusoku.relay.RelayController;
import org.bakusoku.relay.RelayState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pi4j.context.Context;

/**
 * The {@link RelayController} service: a thin DS wrapper around a {@link RelayBoard} on its own Pi4J
 * context and timer thread. Relays arrive through {@link RelayRegistry} from {@link RelayComponent}s,
 * one per factory configuration {@code org.bakusoku.relay}. Configuration is optional (PID
 * {@value #PID}); without it the mock GPIO provider is used.
 */
@Component(configurationPid = RelayControllerComponent.PID, service = { RelayController.class, RelayRegistry.class })
@Designate(ocd = RelayControllerComponent.Config.class)
public final class RelayControllerComponent implements RelayController, RelayRegistry {

    /** Configuration PID of the controller. */
    public static final String PID = "org.bakusoku.relay.controller";
    /** The only {@code gpio.provider} of this build. */
    static final String MOCK = "mock";

    private static final Logger LOG = LoggerFactory.getLogger(RelayControllerComponent.class);

    /** Controller settings; changing them restarts the controller (all relays pass through their safe state). */
    @ObjectClassDefinition(name = "Bakusoku relay controller",
            description = "Drives the relay outputs through Pi4J 2. Relays themselves are factory configurations"
                    + " 'Bakusoku relay' (org.bakusoku.relay).")
    @interface Config {
        @AttributeDefinition(name = "GPIO provider",
                description = "Pi4J provider of the output lines. 'mock' keeps line levels in memory (off-Pi twin,"
                        + " CI). A real-GPIO provider (gpiod) is added by a later release.",
                options = @Option(label = "mock (in-memory lines)", value = MOCK))
        String gpio_provider() default MOCK;
    }

    private final Context gpio;
    private final ThreadScheduler scheduler;
    private final RelayBoard board;

    /**
     * @param config controller settings
     * @param events EventAdmin that receives {@code org/bakusoku/relay/CHANGED}
     */
    @Activate
    public RelayControllerComponent(Config config, @Reference(name = "events") EventAdmin events) {
        if (!MOCK.equals(config.gpio_provider())) {
            LOG.error("gpio.provider '{}' is not available in this build (available: {}); using {}",
                    config.gpio_provider(), MOCK, MOCK);
        }
        gpio = Pi4jContexts.mock();
        scheduler = new ThreadScheduler("bakusoku-relay-timer");
        board = new RelayBoard(gpio, scheduler, events);
        LOG.info("relay controller started on Pi4J provider {}", MOCK);
    }

    /** Every relay to its safe state, then the timer thread and the Pi4J context stop. */
    @Deactivate
    void deactivate() {
        board.close();
        scheduler.close();
        try {
            gpio.shutdown();
        } catch (RuntimeException e) {
            LOG.error("Pi4J context shutdown failed: {}", e.toString());
        }
        LOG.info("relay controller stopped");
    }

    @Override
    public boolean attach(RelayConfig config) {
        return board.attach(config);
    }

    @Override
    public void detach(String id, String reason) {
        board.detach(id, reason);
    }

    @Override
    public List<RelayState> relays() {
        return board.relays();
    }

    @Override
    public Optional<RelayState> state(String id) {
        return board.state(id);
    }

    @Override
    public void set(String id, boolean on, String reason) {
        board.set(id, on, reason);
    }

    @Override
    public void pulse(String id, long durationMs, String reason) {
        board.pulse(id, durationMs, reason);
    }
}
