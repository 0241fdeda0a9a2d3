package org.bakusoku.relay.pi4j;

import org.bakusoku.relay.RelayCause;
import org.bakusoku.relay.RelayState;

/**
 * One relay: its configuration, its output line and its logical state with the deadlines that end it.
 * A plain state holder, not thread-safe: the {@link RelayBoard} guards every instance with its lock and
 * does all line I/O.
 */
final class Relay {

    /** Placeholder deadline: never. */
    static final long NEVER = Long.MAX_VALUE;

    private final RelayConfig config;
    private final OutputLines.Line line;
    private boolean on;
    private long lastChangeMs;
    private RelayCause cause = RelayCause.of("safe state at start");
    /** Monotonic ms at which the running pulse ends, or {@link #NEVER}. */
    private long pulseEndMs = NEVER;
    /** Monotonic ms at which the relay last left its safe state (meaningful while out of it). */
    private long awaySinceMs;
    private boolean lockedOut;

    /**
     * @param config validated configuration
     * @param line   output already opened at the safe state's level
     */
    Relay(RelayConfig config, OutputLines.Line line) {
        this.config = config;
        this.line = line;
        this.on = config.safeState();
    }

    RelayConfig config() {
        return config;
    }

    OutputLines.Line line() {
        return line;
    }

    boolean isOn() {
        return on;
    }

    boolean inSafeState() {
        return on == config.safeState();
    }

    boolean lockedOut() {
        return lockedOut;
    }

    void lockOut(boolean locked) {
        lockedOut = locked;
    }

    /**
     * Records a transition that the board has written to the line.
     *
     * @param target  new logical state
     * @param why     the cause
     * @param epochMs wall-clock instant, for people
     * @param monoMs  monotonic instant, for the max on-time
     */
    void changed(boolean target, RelayCause why, long epochMs, long monoMs) {
        if (inSafeState() && target != config.safeState()) {
            awaySinceMs = monoMs;
        }
        on = target;
        lastChangeMs = epochMs;
        cause = why;
    }

    boolean pulsing() {
        return pulseEndMs != NEVER;
    }

    long pulseEndMs() {
        return pulseEndMs;
    }

    /** @param endMs monotonic ms at which the pulse ends */
    void startPulse(long endMs) {
        pulseEndMs = endMs;
    }

    void stopPulse() {
        pulseEndMs = NEVER;
    }

    /** @return monotonic ms at which the max on-time sends the relay back to its safe state, or {@link #NEVER} */
    long maxOnDeadlineMs() {
        return config.maxOnMs() > 0 && !inSafeState() ? awaySinceMs + config.maxOnMs() : NEVER;
    }

    /** @return the earliest deadline of this relay, or {@link #NEVER} */
    long nextDeadlineMs() {
        return Math.min(pulseEndMs, maxOnDeadlineMs());
    }

    RelayState snapshot() {
        return new RelayState(config.id(), config.name(), config.bcmPin(), on, config.activeLow(), lastChangeMs,
                cause.reason(), cause.rule(), cause.detection(), config.safeState(), config.maxOnMs(), lockedOut);
    }

    static String word(boolean on) {
        return on ? "ON" : "OFF";
    }
}
