package org.bakusoku.relay.pi4j;

import org.bakusoku.relay.RelayCause;
import org.bakusoku.relay.RelayEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches one relay's line: writes the level of the new logical state, records the change, logs it,
 * keeps and posts it, then reads the line back. A failed write keeps the old state; a read-back that
 * disagrees is a fault entry ({@code org/bakusoku/relay/ERROR}) while the command stands, because deadlines
 * and rules rely on it. Called by {@link RelayBoard} under its lock.
 */
final class RelaySwitch {

    private static final Logger LOG = LoggerFactory.getLogger(RelaySwitch.class);

    private final Scheduler clock;
    private final TransitionLog log;

    /**
     * @param clock wall clock for timestamps, monotonic clock for the max on-time
     * @param log   keeps and posts transitions and faults
     */
    RelaySwitch(Scheduler clock, TransitionLog log) {
        this.clock = clock;
        this.log = log;
    }

    /**
     * @param relay  the relay
     * @param target new logical state, true = energized
     * @param cause  why
     */
    void drive(Relay relay, boolean target, RelayCause cause) {
        if (relay.isOn() == target) {
            return;
        }
        RelayConfig config = relay.config();
        boolean level = config.lineHigh(target);
        try {
            relay.line().write(level);
        } catch (RuntimeException e) {
            fault(relay, "writing line " + level(level) + " failed, relay stays " + Relay.word(relay.isOn()) + ": "
                    + e.getMessage());
            return;
        }
        long now = clock.epochMs();
        relay.changed(target, cause, now, clock.monotonicMs());
        LOG.info("relay {} {}: {}", config.label(), Relay.word(target), cause.reason());
        log.add(new RelayEvent(now, config.id(), config.bcmPin(), target, false, cause.reason(), cause.rule(),
                cause.detection()));
        try {
            boolean read = relay.line().readBack();
            if (read != level) {
                // The command stands (deadlines and rules rely on it), but wiring or driver needs a look.
                fault(relay, "line reads " + level(read) + " after writing " + level(level)
                        + ": another program drives BCM " + config.bcmPin() + ", or the line is shorted");
            }
        } catch (RuntimeException e) {
            fault(relay, "reading the line back failed: " + e.getMessage());
        }
    }

    private void fault(Relay relay, String message) {
        RelayConfig config = relay.config();
        LOG.error("relay {} fault: {}", config.label(), message);
        log.add(new RelayEvent(clock.epochMs(), config.id(), config.bcmPin(), relay.isOn(), true, message, null, null));
    }

    private static String level(boolean high) {
        return high ? "HIGH" : "LOW";
    }
}
