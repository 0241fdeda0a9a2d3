package org.bakusoku.rules;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One detection rule, as the console's Configuration page edits it (factory PID org.bakusoku.rules.detection). */
@ObjectClassDefinition(name = "Bakusoku detection rule",
        description = "Drives a relay when analysed frames hold a wanted detection: labels with minimum scores, an"
                + " optional zone and box-size limits, confirmed over several frames, within active hours.")
@interface RuleConfig {
    @AttributeDefinition(name = "Name", description = "Rule name, shown in relay reasons, logs and the console.")
    String name() default "person-alarm";

    @AttributeDefinition(name = "Labels",
            description = "Labels that trigger, as in the model's label file, one per entry, case-insensitive;"
                    + " 'person' uses the minimum score below, 'car=0.7' its own (0..1). At least one.")
    String[] labels() default { "person" };

    @AttributeDefinition(name = "Minimum score", description = "Lowest detection score (confidence) of labels without"
            + " their own, 0..1.", min = "0", max = "1")
    double score_min() default 0.6;

    @AttributeDefinition(name = "Zone polygon",
            description = "Where boxes must lie: vertices 'x,y x,y x,y ...' in normalized frame coordinates (0..1,"
                    + " origin top-left), at least 3; empty = the whole frame.", required = false)
    String zone_polygon() default "";

    @AttributeDefinition(name = "Zone match", description = "centre: the box centre lies in the zone; overlap: at"
            + " least 'Zone overlap' of the box area lies in it.",
            options = { @Option(label = "box centre", value = "centre"), @Option(label = "box overlap", value = "overlap") })
    String zone_match() default "centre";

    @AttributeDefinition(name = "Zone overlap (fraction)", description = "For 'overlap': least fraction of the box area"
            + " inside the zone, 0..1.", min = "0", max = "1")
    double zone_overlap_min() default 0.5;

    @AttributeDefinition(name = "Minimum box area (fraction of frame)", description = "Smaller boxes are ignored"
            + " (far away or spurious), 0..1.", min = "0", max = "1")
    double box_area_min() default 0.0;

    @AttributeDefinition(name = "Maximum box area (fraction of frame)", description = "Larger boxes are ignored, 0..1.",
            min = "0", max = "1")
    double box_area_max() default 1.0;

    @AttributeDefinition(name = "Confirm: frames with a detection (N)", description = "N of 'N of M frames': how many"
            + " of the latest M analysed frames must hold a counting detection, 1..M. Filters single-frame flicker.",
            min = "1", max = "100")
    int confirm_hits() default 1;

    @AttributeDefinition(name = "Confirm: frames looked at (M)", description = "M of 'N of M frames', 1..100.",
            min = "1", max = "100")
    int confirm_window_frames() default 1;

    @AttributeDefinition(name = "Relay id", description = "Id of the relay to drive (a 'Bakusoku relay' configuration).")
    String relay_id() default "alarm";

    @AttributeDefinition(name = "Action", description = "pulse: on for 'Hold' after the last confirmed detection;"
            + " latch: on until reset on the Relays page; follow: on while confirmed, off 'Release delay' after.",
            options = { @Option(label = "pulse", value = "pulse"), @Option(label = "latch", value = "latch"),
                    @Option(label = "follow", value = "follow") })
    String action() default "pulse";

    @AttributeDefinition(name = "Hold (ms)", description = "pulse: how long the relay stays on after the last"
            + " confirmed detection, milliseconds, 1..3600000.", min = "1", max = "3600000")
    long hold_ms() default 2000;

    @AttributeDefinition(name = "Release delay (ms)", description = "follow: how long the relay stays on after the"
            + " detection is no longer confirmed, milliseconds, 0..3600000.", min = "0", max = "3600000")
    long release_delay_ms() default 2000;

    @AttributeDefinition(name = "Cooldown (ms)", description = "Quiet time after the action ended (pulse ran out,"
            + " follow released, latch reset) before the rule acts again, milliseconds, 0..86400000.",
            min = "0", max = "86400000")
    long cooldown_ms() default 0;

    @AttributeDefinition(name = "Active hours", description = "Daily window 'HH:MM-HH:MM' in the appliance's local"
            + " time in which the rule acts, e.g. 22:00-06:00; empty = always.", required = false)
    String active_hours() default "";

    @AttributeDefinition(name = "Console name hint", description = "How the console lists this configuration.")
    String webconsole_configurationFactory_nameHint() default "rule {name}: {labels} -> {action} {relay.id}";
}
