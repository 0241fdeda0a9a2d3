package org.bakusoku.relay.pi4j;

import java.util.regex.Pattern;

/**
 * One relay output as configured, validated.
 *
 * @param id        relay id used by rules, the console and the API: 1..32 characters, letters, digits,
 *                  {@code -} and {@code _}, starting with a letter or digit (it appears in URLs)
 * @param name      human-readable name; the id when blank
 * @param bcmPin    Broadcom (BCM) GPIO number 0..27, the range of the 40-pin header's GPIO lines
 *                  (Raspberry Pi documentation, "GPIO and the 40-pin header"), not the physical pin number;
 *                  on the gpiod provider it is the line offset on the header's gpiochip
 * @param activeLow true when the relay board energizes on a low line (most opto-isolated relay boards)
 * @param safeState logical state (true = energized) at start, on shutdown, on a pipeline stall, after the
 *                  maximum on-time and when the configuration goes away
 * @param maxOnMs   longest continuous time out of the safe state, milliseconds, 0 (no limit) or
 *                  1..{@value #MAX_ON_LIMIT_MS}
 */
public record RelayConfig(String id, String name, int bcmPin, boolean activeLow, boolean safeState, long maxOnMs) {

    /** Lowest BCM number of a header GPIO line. */
    public static final int MIN_BCM_PIN = 0;
    /** Highest BCM number of a header GPIO line. */
    public static final int MAX_BCM_PIN = 27;
    /** Highest {@code max.on.ms}: one day. */
    public static final long MAX_ON_LIMIT_MS = 86_400_000L;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    /**
     * Validates the values; a blank name becomes the id.
     *
     * @throws IllegalArgumentException naming the bad value and the accepted range
     */
    public RelayConfig {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be 1..32 letters, digits, '-' or '_' starting with a letter"
                    + " or digit, got '" + id + "'");
        }
        if (bcmPin < MIN_BCM_PIN || bcmPin > MAX_BCM_PIN) {
            throw new IllegalArgumentException("bcm.pin must be " + MIN_BCM_PIN + ".." + MAX_BCM_PIN + ", got " + bcmPin);
        }
        if (maxOnMs < 0 || maxOnMs > MAX_ON_LIMIT_MS) {
            throw new IllegalArgumentException("max.on.ms must be 0 (no limit) or 1.." + MAX_ON_LIMIT_MS + ", got "
                    + maxOnMs);
        }
        name = name == null || name.isBlank() ? id : name.strip();
    }

    /**
     * @param on logical state, true = energized
     * @return the line level that gives this state: true = high (3.3 V)
     */
    public boolean lineHigh(boolean on) {
        return on != activeLow;
    }

    /** @return {@code "alarm (BCM 17)"}, how logs name this relay */
    public String label() {
        return id + " (BCM " + bcmPin + ")";
    }
}
