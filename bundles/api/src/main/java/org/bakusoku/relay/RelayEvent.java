package org.bakusoku.relay;

import org.bakusoku.detect.Detection;

/**
 * One entry of a relay controller's transition log: a relay changed state, or a relay fault (a GPIO
 * write that failed, a line that read back another level than written).
 *
 * @param atMs      instant, epoch milliseconds (UTC)
 * @param id        relay id
 * @param bcmPin    Broadcom (BCM) GPIO number 0..27
 * @param on        the relay's logical state after the entry (true = energized)
 * @param error     false for a transition, true for a fault; {@code reason} then says what went wrong
 * @param reason    why, e.g. {@code "pulse ended"}, {@code "safe state: no frame analysed for 5000 ms"}
 * @param rule      the detection rule that caused it, or null
 * @param detection the detection that caused it, or null
 */
public record RelayEvent(long atMs, String id, int bcmPin, boolean on, boolean error, String reason, String rule,
        Detection detection) {
}
