package org.bakusoku.relay.pi4j;

import org.bakusoku.relay.RelayState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;

/**
 * One relay: its configuration, its Pi4J output line and its logical state. Not thread-safe: the
 * {@link RelayBoard} guards every instance with its lock.
 */
final class Relay {

    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);

    private final RelayConfig config;
    private final DigitalOutput line;
    private boolean on;
    private long lastChangeMs;
    private String reason;
    /** Monotonic ms at which the running pulse ends; identifies the current pulse timer. */
    private long pulseEndMs;
    private Scheduler.Cancellable pulseTimer;

    /**
     * @param config validated configuration
     * @param line   output already created with the safe state's level as its initial level
     */
    Relay(RelayConfig config, DigitalOutput line) {
        this.config = config;
        this.line = line;
        this.on = config.safeState();
        this.reason = "safe state at start";
    }

    RelayConfig config() {
        return config;
    }

    /** @return the Pi4J IO id of the line, to release it from the context */
    String lineId() {
        return line.id();
    }

    boolean isOn() {
        return on;
    }

    /**
     * Writes the line level of a logical state, reads it back and logs the transition.
     *
     * @param target  logical state, true = energized
     * @param why     reason for the log and the console
     * @param epochMs instant of the change
     * @return true if the state changed (the caller posts the event); false if it already was in that
     *         state or the write failed (logged, last state kept)
     */
    boolean drive(boolean target, String why, long epochMs) {
        if (target == on) {
            return false;
        }
        DigitalState level = DigitalState.getState(config.lineHigh(target));
        try {
            line.state(level);
        } catch (RuntimeException e) {
            LOG.error("relay {} stays {}: writing line {} failed: {}", config.label(), word(on), level, e.toString());
            return false;
        }
        DigitalState readBack = line.state();
        if (readBack != level) {
            // The command stands (timers and rules rely on it), but wiring or driver needs a look.
            LOG.error("relay {}: line reads {} after writing {}", config.label(), readBack, level);
        }
        on = target;
        lastChangeMs = epochMs;
        reason = why;
        LOG.info("relay {} {}: {}", config.label(), word(target), why);
        return true;
    }

    /** @return true if a pulse timer is running */
    boolean pulsing() {
        return pulseTimer != null;
    }

    long pulseEndMs() {
        return pulseEndMs;
    }

    /** Records the running pulse, replacing (and cancelling) any earlier one. */
    void startPulse(long endMs, Scheduler.Cancellable timer) {
        cancelPulse();
        pulseEndMs = endMs;
        pulseTimer = timer;
    }

    /** Cancels the running pulse, if any; a timer that already fired finds {@link #pulseEndMs()} changed. */
    void cancelPulse() {
        if (pulseTimer != null) {
            pulseTimer.cancel();
            pulseTimer = null;
        }
        pulseEndMs = 0;
    }

    RelayState snapshot() {
        return new RelayState(config.id(), config.name(), config.bcmPin(), on, config.activeLow(), lastChangeMs, reason);
    }

    static String word(boolean on) {
        return on ? "ON" : "OFF";
    }
}
