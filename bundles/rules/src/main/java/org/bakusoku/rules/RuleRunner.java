package org.bakusoku.rules;

import java.util.List;
import java.util.Optional;

import org.bakusoku.detect.Detection;
import org.bakusoku.relay.RelayController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one {@link DetectionRule} to each analysed frame and drives the relay controller. Called from
 * EventAdmin's delivery thread: it only matches a short list and makes one non-blocking controller call.
 *
 * <p>The rule can be replaced while frames flow ({@link #use}); a frame is evaluated against one rule
 * or the other, never a mix. A relay the controller does not know is logged once until it works again,
 * not once per frame.
 */
public final class RuleRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RuleRunner.class);

    private final RelayController relays;
    private volatile DetectionRule rule;
    private volatile boolean relayFailing;

    /** @param relays the controller that switches relays */
    public RuleRunner(RelayController relays) {
        this.relays = relays;
    }

    /** @param next the rule to apply from the next frame on */
    public void use(DetectionRule next) {
        rule = next;
        relayFailing = false;
    }

    /** @return the rule in use, empty before a valid configuration arrived */
    public Optional<DetectionRule> rule() {
        return Optional.ofNullable(rule);
    }

    /**
     * Evaluates the rule on one frame's detections and acts on a match.
     *
     * @param detections the detections of one frame, any order
     * @return true if the rule matched and the relay accepted the action
     */
    public boolean onDetections(List<Detection> detections) {
        DetectionRule current = rule;
        if (current == null) {
            return false;
        }
        Optional<Detection> match = current.match(detections);
        if (match.isEmpty()) {
            return false;
        }
        String reason = current.reason(match.get());
        try {
            switch (current.action()) {
                case PULSE -> relays.pulse(current.relayId(), current.holdMs(), reason);
            }
        } catch (RuntimeException e) {
            if (!relayFailing) {
                relayFailing = true;
                LOG.error("rule {}: relay '{}' refused {}: {} (logged once until it works again)", current.name(),
                        current.relayId(), current.action().configValue(), e.getMessage());
            }
            return false;
        }
        if (relayFailing) {
            relayFailing = false;
            LOG.info("rule {}: relay '{}' works again", current.name(), current.relayId());
        }
        return true;
    }
}
