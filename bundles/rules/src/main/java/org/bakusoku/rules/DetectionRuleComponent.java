package org.bakusoku.rules;

import java.util.Arrays;
import java.util.List;

import org.bakusoku.detect.DetectTopics;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.relay.RelayController;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One detection rule per factory configuration {@value #FACTORY_PID}, listening on
 * {@link DetectTopics#DETECTED}. A thin wrapper: matching and acting live in {@link RuleRunner}.
 * Every attribute is live-safe ({@code @Modified}); a bad configuration is logged and the last good
 * rule stays in use.
 */
@Component(configurationPid = DetectionRuleComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@EventTopics(DetectTopics.DETECTED)
@Designate(ocd = DetectionRuleComponent.Config.class, factory = true)
public final class DetectionRuleComponent implements EventHandler {

    /** Factory PID of detection rules. */
    public static final String FACTORY_PID = "org.bakusoku.rules.detection";

    private static final Logger LOG = LoggerFactory.getLogger(DetectionRuleComponent.class);

    /** One detection rule. */
    @ObjectClassDefinition(name = "Bakusoku detection rule",
            description = "Drives a relay when a frame holds a detection of a wanted label with a high enough score.")
    @interface Config {
        @AttributeDefinition(name = "Name", description = "Rule name, shown in relay reasons and logs.")
        String name() default "person-alarm";

        @AttributeDefinition(name = "Labels",
                description = "Labels that trigger the rule, as in the model's label file (e.g. person, car);"
                        + " case-insensitive; at least one.")
        String[] labels() default { "person" };

        @AttributeDefinition(name = "Minimum score",
                description = "Lowest detection score (confidence) that triggers, 0..1.", min = "0", max = "1")
        double score_min() default 0.6;

        @AttributeDefinition(name = "Relay id", description = "Id of the relay to drive (a 'Bakusoku relay' configuration).")
        String relay_id() default "alarm";

        @AttributeDefinition(name = "Action",
                description = "pulse: energize for the hold time; every further match restarts the hold time.",
                options = @Option(label = "pulse", value = "pulse"))
        String action() default "pulse";

        @AttributeDefinition(name = "Hold (ms)",
                description = "How long the relay stays on after the last match, milliseconds, 1..3600000.",
                min = "1", max = "3600000")
        long hold_ms() default 2000;

        @AttributeDefinition(name = "Console name hint", description = "How the console lists this configuration.")
        String webconsole_configurationFactory_nameHint() default "rule {name}: {labels} -> {action} {relay.id}";
    }

    private final RuleRunner runner;

    /**
     * @param config the rule's configuration
     * @param relays the relay controller
     */
    @Activate
    public DetectionRuleComponent(Config config, @Reference(name = "relays") RelayController relays) {
        runner = new RuleRunner(relays);
        configure(config);
    }

    @Modified
    void modified(Config config) {
        configure(config);
    }

    private void configure(Config config) {
        DetectionRule next;
        try {
            next = new DetectionRule(config.name(), config.labels() == null ? List.of() : Arrays.asList(config.labels()),
                    (float) config.score_min(), config.relay_id(), RuleAction.parse(config.action()), config.hold_ms());
        } catch (IllegalArgumentException e) {
            LOG.error("rule '{}': configuration rejected, {}; {}", config.name(), e.getMessage(),
                    runner.rule().map(kept -> "keeping " + kept.describe()).orElse("rule inactive until fixed"));
            return;
        }
        runner.use(next);
        LOG.info("rule {}", next.describe());
    }

    /** Evaluates the rule on one {@link DetectTopics#DETECTED} event; an event without a result is ignored. */
    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(DetectTopics.RESULT) instanceof DetectionResult result) {
            runner.onDetections(result.detections());
        } else {
            LOG.debug("{} without a {} property ignored", event.getTopic(), DetectTopics.RESULT);
        }
    }
}
