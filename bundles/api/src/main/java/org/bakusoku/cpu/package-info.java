/**
 * CPU governor, temperature, firmware throttling flags and the overclock of the Raspberry Pi, with the
 * thermal-guard event topics.
 *
 * <p>Terms follow the Raspberry Pi documentation: {@code arm_freq}, {@code over_voltage},
 * {@code over_voltage_delta}, {@code tryboot}, and the {@code get_throttled} bits ("config.txt:
 * Overclocking options", "vcgencmd get_throttled", "Fail-safe OS updates (tryboot)").
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.bakusoku.cpu;
