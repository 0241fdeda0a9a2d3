package org.bakusoku.relay.pi4j;

import java.util.Map;

import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One relay, from one factory configuration {@value #FACTORY_PID}: adds the relay to the controller on
 * activation, re-adds it on a valid change and puts it in its safe state on deactivation.
 */
@Component(configurationPid = RelayComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = RelayComponent.Config.class, factory = true)
public final class RelayComponent {

    /** Factory PID of relay configurations. */
    public static final String FACTORY_PID = "org.bakusoku.relay";

    private static final Logger LOG = LoggerFactory.getLogger(RelayComponent.class);

    /** One relay output. */
    @ObjectClassDefinition(name = "Bakusoku relay",
            description = "One relay output on a GPIO line. Ids and BCM pins must be unique: a configuration"
                    + " repeating either is rejected with a log line.")
    @interface Config {
        @AttributeDefinition(name = "Id",
                description = "Relay id used by rules and the API, e.g. 'alarm': 1..32 letters, digits, '-' or '_'.")
        String id() default "alarm";

        @AttributeDefinition(name = "Name", description = "Human-readable name shown in the console.")
        String name() default "Alarm";

        @AttributeDefinition(name = "BCM pin",
                description = "Broadcom GPIO number 0..27 (not the physical header pin; BCM 17 is header pin 11).",
                min = "0", max = "27")
        int bcm_pin() default 17;

        @AttributeDefinition(name = "Active low",
                description = "When checked, 'on' drives the line low (most opto-isolated relay boards).")
        boolean active_low() default false;

        @AttributeDefinition(name = "Safe state on",
                description = "State at start, on shutdown and when this configuration is removed:"
                        + " unchecked = off (released), checked = on (energized).")
        boolean safe_state() default false;

        @AttributeDefinition(name = "Maximum on-time (ms)",
                description = "Longest continuous time out of the safe state, milliseconds, 1..86400000; 0 = no limit."
                        + " When reached, the relay returns to its safe state and stays locked out (rules and test"
                        + " pulses are refused) until reset from the Relays page or POST /api/v1/relays/{id}/reset.",
                min = "0", max = "86400000")
        long max_on_ms() default 600_000;

        @AttributeDefinition(name = "Console name hint", description = "How the console lists this configuration.")
        String webconsole_configurationFactory_nameHint() default "relay {id}: {name}, BCM {bcm.pin}";
    }

    private final RelayRegistry registry;
    private final String pid;
    /** The relay this configuration added; null while the configuration is rejected. */
    private RelayConfig current;

    /**
     * @param config     this relay's configuration; a bad value is logged, listed as a problem and the relay
     *                   is not added
     * @param properties component properties, for the configuration's {@code service.pid}
     * @param registry   the controller
     */
    @Activate
    public RelayComponent(Config config, Map<String, Object> properties,
            @Reference(name = "registry") RelayRegistry registry) {
        this.registry = registry;
        this.pid = String.valueOf(properties.getOrDefault("service.pid", FACTORY_PID));
        try {
            RelayConfig relay = toRelayConfig(config);
            current = registry.attach(pid, relay) ? relay : null;
        } catch (IllegalArgumentException e) {
            LOG.error("relay configuration '{}' rejected: {}", config.id(), e.getMessage());
            registry.reject(pid, "relay " + config.id(), e.getMessage());
        }
    }

    /**
     * A valid change re-opens the relay (it passes through its safe state); an invalid one is logged and
     * the relay stays as it was.
     */
    @Modified
    void modified(Config config) {
        RelayConfig next;
        try {
            next = toRelayConfig(config);
        } catch (IllegalArgumentException e) {
            String kept = current == null ? "no relay added" : "keeping relay " + current.label();
            LOG.error("relay configuration '{}' change rejected: {}; {}", config.id(), e.getMessage(), kept);
            registry.reject(pid, "relay " + config.id(), e.getMessage() + "; " + kept);
            return;
        }
        if (next.equals(current)) {
            registry.forget(pid);
            return;
        }
        if (current != null) {
            registry.detach(current.id(), "safe state: relay configuration changed");
        }
        current = registry.attach(pid, next) ? next : null;
    }

    /** @param reason DS deactivation reason, one of {@code ComponentConstants.DEACTIVATION_REASON_*} */
    @Deactivate
    void deactivate(int reason) {
        // A rejected configuration must not detach the relay that holds the same id.
        if (current != null) {
            registry.detach(current.id(), "safe state: " + cause(reason));
        }
        registry.forget(pid);
    }

    private static RelayConfig toRelayConfig(Config config) {
        return new RelayConfig(config.id(), config.name(), config.bcm_pin(), config.active_low(), config.safe_state(),
                config.max_on_ms());
    }

    /** @return why DS deactivates, in the words of the relay log and event */
    static String cause(int deactivationReason) {
        return switch (deactivationReason) {
            case ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED -> "relay configuration removed";
            case ComponentConstants.DEACTIVATION_REASON_REFERENCE -> "relay controller stopping";
            case ComponentConstants.DEACTIVATION_REASON_BUNDLE_STOPPED -> "relay bundle stopping";
            default -> "relay component stopped";
        };
    }
}
