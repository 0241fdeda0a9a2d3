package org.bakusoku.cpu;

/**
 * A tested overclock setting for one board family.
 *
 * @param id                 stable identifier used by the API, e.g. {@code "pi4-1750"}; {@code "stock"} removes
 *                           the appliance's settings and returns to the firmware defaults
 * @param board              the family it is made for
 * @param armFreqMhz         {@code arm_freq}, MHz; the board's default for {@code stock}, 0 when that default is
 *                           not known (the {@code stock} entry of a board without profiles)
 * @param overVoltage        {@code over_voltage} steps of 25 mV (Raspberry Pi documentation, "Overclocking
 *                           options": range -16..8), or null when not set
 * @param overVoltageDeltaUv {@code over_voltage_delta}, microvolts added to the DVFS voltage (Raspberry Pi 4
 *                           and 5), or null when not set
 * @param description        one sentence for the console: what it is and what it needs (cooling, supply)
 */
public record OverclockProfile(String id, Board board, int armFreqMhz, Integer overVoltage,
        Integer overVoltageDeltaUv, String description) {

    /** The id of the profile that removes the appliance's overclock. */
    public static final String STOCK = "stock";
}
