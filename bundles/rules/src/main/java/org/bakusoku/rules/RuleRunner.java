package org.bakusoku.rules;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.relay.RelayCause;
import org.bakusoku.relay.RelayController;
import org.bakusoku.relay.RelayState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one {@link DetectionRule} to each analysed frame and drives the relay controller: confirmation
 * over the last frames, the action, the cooldown after the action ended, the active hours. Called from
 * EventAdmin's delivery thread; it only matches a short list and makes at most two non-blocking controller
 * calls per frame. Thread-safe.
 *
 * <p>Durations are measured on a monotonic clock when frames arrive (the controller's pulse timers run on
 * the same kind of clock); active hours on the frame's capture time in the local time zone. A relay the
 * controller refuses (unknown id, locked out) is logged once until it works again, not once per frame.
 */
public final class RuleRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RuleRunner.class);

    private final RelayController relays;
    private final LongSupplier monotonicMs;
    private final ZoneId zone;
    private DetectionRule rule;
    /** Latest frames, oldest first: true = a detection counted. */
    private final Deque<Boolean> window = new ArrayDeque<>();
    /** True while the rule holds its relay (pulse running, latched, following or releasing). */
    private boolean engaged;
    /** Follow only: the release delay is running. */
    private boolean releasing;
    /** Pulse and release: monotonic ms at which the relay drops by itself. */
    private long endsAtMs;
    /** No new action before this monotonic ms (cooldown). */
    private long quietUntilMs = Long.MIN_VALUE;
    private boolean relayFailing;
    private long lastTriggerMs;
    private RelayCause lastCause;

    /**
     * @param relays      the controller that switches relays
     * @param monotonicMs monotonic clock in milliseconds, e.g. {@code System.nanoTime() / 1_000_000}
     * @param zone        time zone of the active hours
     */
    public RuleRunner(RelayController relays, LongSupplier monotonicMs, ZoneId zone) {
        this.relays = relays;
        this.monotonicMs = monotonicMs;
        this.zone = zone;
    }

    /**
     * Applies another rule from the next frame on; a relay the old rule holds goes to its safe state first.
     *
     * @param next the rule
     */
    public synchronized void use(DetectionRule next) {
        if (rule != null) {
            stop("safe state: rule " + rule.name() + " changed");
        }
        rule = next;
        window.clear();
        quietUntilMs = Long.MIN_VALUE;
        relayFailing = false;
    }

    /** @return the rule in use, empty before a valid configuration arrived */
    public synchronized Optional<DetectionRule> rule() {
        return Optional.ofNullable(rule);
    }

    /** @return when the rule last acted, epoch ms (frame capture time); 0 if never */
    public synchronized long lastTriggerMs() {
        return lastTriggerMs;
    }

    /** @return what the rule last did to its relay, or null */
    public synchronized RelayCause lastCause() {
        return lastCause;
    }

    /**
     * Puts the relay this rule holds in its safe state (rule removed, rules bundle stopping).
     *
     * @param reason why, for the relay log
     */
    public synchronized void stop(String reason) {
        if (rule != null && engaged) {
            engaged = false;
            releasing = false;
            call(() -> relays.set(rule.relayId(), relays.state(rule.relayId()).map(RelayState::safeState).orElse(false),
                    RelayCause.of(reason)));
        }
    }

    /**
     * Evaluates the rule on one analysed frame and acts.
     *
     * @param result the frame's detections
     * @return true if the rule commanded its relay on this frame
     */
    public synchronized boolean onFrame(DetectionResult result) {
        if (rule == null) {
            return false;
        }
        long now = monotonicMs.getAsLong();
        LocalTime local = Instant.ofEpochMilli(result.frame().timestampMs()).atZone(zone).toLocalTime();
        boolean inHours = rule.activeHours() == null || rule.activeHours().contains(local);
        Optional<Detection> best = inHours ? rule.filter().best(result.detections()) : Optional.empty();
        window.addLast(best.isPresent());
        while (window.size() > rule.confirmFrames()) {
            window.removeFirst();
        }
        boolean confirmed = inHours && window.stream().filter(Boolean::booleanValue).count() >= rule.confirmHits();
        endActionIfOver(now);
        if (confirmed && best.isPresent()) {
            return act(now, result.frame().timestampMs(), RelayCause.rule(rule.name(), best.get()));
        }
        if (!confirmed && engaged && rule.action() == RuleAction.FOLLOW && !releasing) {
            release(now);
        }
        return false;
    }

    /** Notices the end of the running action: a pulse or release delay ran out, a latch was reset. */
    private void endActionIfOver(long now) {
        if (!engaged) {
            return;
        }
        boolean timed = rule.action() == RuleAction.PULSE || releasing;
        if (timed && now >= endsAtMs) {
            engaged = false;
            releasing = false;
            quietUntilMs = endsAtMs + rule.cooldownMs();
        } else if (!timed && !relays.state(rule.relayId()).map(RelayState::on).orElse(false)) {
            // Reset from the console or API, a pipeline stall, the relay's max on-time.
            engaged = false;
            quietUntilMs = now + rule.cooldownMs();
        }
    }

    private boolean act(long now, long frameTimeMs, RelayCause cause) {
        String relayId = rule.relayId();
        boolean acted = switch (rule.action()) {
            case PULSE -> (engaged || now >= quietUntilMs) && call(() -> relays.pulse(relayId, rule.holdMs(), cause));
            case LATCH -> !engaged && now >= quietUntilMs && call(() -> relays.set(relayId, true, cause));
            case FOLLOW -> (releasing || (!engaged && now >= quietUntilMs)) && call(() -> relays.set(relayId, true, cause));
        };
        if (acted) {
            engaged = true;
            releasing = false;
            endsAtMs = now + rule.holdMs();
            lastTriggerMs = frameTimeMs;
            lastCause = cause;
        }
        return acted;
    }

    private void release(long now) {
        RelayCause cause = RelayCause.of("rule " + rule.name() + ": released " + rule.releaseDelayMs()
                + " ms after the detection was lost");
        boolean released = rule.releaseDelayMs() == 0 ? call(() -> relays.set(rule.relayId(), false, cause))
                : call(() -> relays.pulse(rule.relayId(), rule.releaseDelayMs(), cause));
        if (released) {
            releasing = true;
            endsAtMs = now + rule.releaseDelayMs();
        }
    }

    /** Runs a controller command; a refusal is logged once until a command works again. */
    private boolean call(Runnable command) {
        try {
            command.run();
        } catch (RuntimeException e) {
            if (!relayFailing) {
                relayFailing = true;
                LOG.error("rule {}: relay '{}' refused {}: {} (logged once until it works again)", rule.name(),
                        rule.relayId(), rule.action().configValue(), e.getMessage());
            }
            return false;
        }
        if (relayFailing) {
            relayFailing = false;
            LOG.info("rule {}: relay '{}' works again", rule.name(), rule.relayId());
        }
        return true;
    }
}
