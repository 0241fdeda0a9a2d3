package org.bakusoku.relay;

import org.bakusoku.detect.Detection;

/**
 * Snapshot of one relay output.
 *
 * @param id           configuration id, e.g. {@code "alarm"}
 * @param name         human-readable name
 * @param bcmPin       Broadcom (BCM) GPIO number 0..27, not the physical header pin
 * @param on           true when the relay is energized (the logical state, after active-low inversion)
 * @param activeLow    true when the GPIO line is driven low to energize the relay
 * @param lastChangeMs instant of the last transition, epoch ms; 0 if it never changed since start
 * @param reason       why it last changed, e.g. {@code "rule person-alarm: person 0.83"};
 *                     {@code "safe state at start"} before the first change
 * @param rule         the detection rule behind the last change, or null
 * @param detection    the detection behind the last change (normalized 0..1 box), or null
 * @param safeState    the state the relay returns to at start, on shutdown, on a pipeline stall and after
 *                     its maximum on-time (true = energized)
 * @param maxOnMs      longest time the relay may stay out of its safe state, milliseconds; 0 = no limit
 * @param lockedOut    true after the maximum on-time cut the relay off: it then refuses to leave its safe
 *                     state until {@link RelayController#reset reset}
 */
public record RelayState(String id, String name, int bcmPin, boolean on, boolean activeLow, long lastChangeMs,
        String reason, String rule, Detection detection, boolean safeState, long maxOnMs, boolean lockedOut) {

    /**
     * The walking skeleton's shape: no rule or detection, safe state off, no on-time limit, not locked out.
     *
     * @param id           relay id
     * @param name         human-readable name
     * @param bcmPin       BCM GPIO number 0..27
     * @param on           logical state
     * @param activeLow    true when low energizes
     * @param lastChangeMs last transition, epoch ms, 0 if none
     * @param reason       why it last changed
     */
    public RelayState(String id, String name, int bcmPin, boolean on, boolean activeLow, long lastChangeMs,
            String reason) {
        this(id, name, bcmPin, on, activeLow, lastChangeMs, reason, null, null, false, 0L, false);
    }
}
