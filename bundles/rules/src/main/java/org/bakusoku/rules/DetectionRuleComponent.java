package org.bakusoku.rules;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bakusoku.detect.DetectTopics;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.relay.RelayController;
import org.bakusoku.relay.RuleState;
import org.bakusoku.relay.RuleStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One detection rule per factory configuration {@value #FACTORY_PID}, listening on
 * {@link DetectTopics#DETECTED}, and its {@link RuleStatus} for the console. A thin wrapper: matching and
 * acting live in {@link RuleRunner}. Every attribute is live-safe ({@code @Modified}); a bad configuration
 * is logged and shown in the console while the last good rule stays in use.
 */
@Component(configurationPid = DetectionRuleComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = { EventHandler.class, RuleStatus.class })
@EventTopics(DetectTopics.DETECTED)
@Designate(ocd = RuleConfig.class, factory = true)
public final class DetectionRuleComponent implements EventHandler, RuleStatus {

    /** Factory PID of detection rules. */
    public static final String FACTORY_PID = "org.bakusoku.rules.detection";

    private static final Logger LOG = LoggerFactory.getLogger(DetectionRuleComponent.class);

    private final RuleRunner runner;
    private final String pid;
    private volatile String name;
    private volatile String problem;

    /**
     * @param config     the rule's configuration
     * @param properties component properties, for the configuration's {@code service.pid}
     * @param relays     the relay controller
     */
    @Activate
    public DetectionRuleComponent(RuleConfig config, Map<String, Object> properties,
            @Reference(name = "relays") RelayController relays) {
        this(config, properties, new RuleRunner(relays, () -> System.nanoTime() / 1_000_000, ZoneId.systemDefault()));
    }

    /**
     * @param config     the rule's configuration
     * @param properties component properties
     * @param runner     the rule engine (tests give it a virtual clock)
     */
    DetectionRuleComponent(RuleConfig config, Map<String, Object> properties, RuleRunner runner) {
        this.runner = runner;
        this.pid = String.valueOf(properties.getOrDefault("service.pid", FACTORY_PID));
        configure(config);
    }

    @Modified
    void modified(RuleConfig config) {
        configure(config);
    }

    /** The relay this rule holds goes to its safe state. */
    @Deactivate
    void deactivate() {
        runner.stop("safe state: rule " + name + " stopped");
    }

    private void configure(RuleConfig config) {
        name = config.name();
        DetectionRule next;
        try {
            next = toRule(config);
        } catch (IllegalArgumentException e) {
            String kept = runner.rule().map(rule -> "keeping " + rule.describe()).orElse("rule inactive until fixed");
            problem = e.getMessage() + "; " + kept;
            LOG.error("rule '{}': configuration rejected, {}", config.name(), problem);
            return;
        }
        problem = null;
        if (runner.rule().filter(next::equals).isEmpty()) {
            runner.use(next);
            LOG.info("rule {}", next.describe());
        }
    }

    /**
     * @param config configuration values
     * @return the validated rule
     * @throws IllegalArgumentException naming the first bad value
     */
    static DetectionRule toRule(RuleConfig config) {
        List<String> labels = config.labels() == null ? List.of() : Arrays.asList(config.labels());
        String polygon = config.zone_polygon() == null ? "" : config.zone_polygon().strip();
        Zone zone = polygon.isEmpty() ? null : Zone.parse(polygon, config.zone_match(), config.zone_overlap_min());
        String hours = config.active_hours() == null ? "" : config.active_hours().strip();
        DetectionFilter filter = new DetectionFilter(DetectionFilter.parseLabels(labels, config.score_min()),
                config.box_area_min(), config.box_area_max(), zone);
        return new DetectionRule(config.name(), filter, config.confirm_hits(), config.confirm_window_frames(),
                config.relay_id(), RuleAction.parse(config.action()), config.hold_ms(), config.release_delay_ms(),
                config.cooldown_ms(), hours.isEmpty() ? null : ActiveHours.parse(hours));
    }

    /** Evaluates the rule on one {@link DetectTopics#DETECTED} event; an event without a result is ignored. */
    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(DetectTopics.RESULT) instanceof DetectionResult result) {
            runner.onFrame(result);
        } else {
            LOG.debug("{} without a {} property ignored", event.getTopic(), DetectTopics.RESULT);
        }
    }

    @Override
    public RuleState state() {
        return runner.rule()
                .map(rule -> new RuleState(pid, rule.name(), rule.describe(), true, problem, runner.lastTriggerMs(),
                        runner.lastCause()))
                .orElseGet(() -> new RuleState(pid, name, "", false, problem, 0, null));
    }
}
