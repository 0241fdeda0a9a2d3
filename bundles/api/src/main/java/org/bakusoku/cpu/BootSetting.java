package org.bakusoku.cpu;

/**
 * One overclock-related line of the boot configuration ({@code config.txt} and the files it includes).
 *
 * @param key     {@code arm_freq}, {@code over_voltage}, {@code over_voltage_delta}, {@code force_turbo},
 *                {@code arm_boost} or {@code temp_limit}
 * @param value   the text after {@code =}, e.g. {@code "1750"}
 * @param section the conditional filter section the line is in, e.g. {@code "[pi4]"}; {@code "[all]"}
 *                before any section header
 * @param file    the file name relative to the boot partition, e.g. {@code "config.txt"}
 * @param line    1-based line number in that file
 * @param managed true when the line is inside the appliance's own block
 */
public record BootSetting(String key, String value, String section, String file, int line, boolean managed) {
}
