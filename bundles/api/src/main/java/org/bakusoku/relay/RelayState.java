package org.bakusoku.relay;

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
 */
public record RelayState(String id, String name, int bcmPin, boolean on, boolean activeLow, long lastChangeMs,
        String reason) {
}
