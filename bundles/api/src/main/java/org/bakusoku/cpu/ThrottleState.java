package org.bakusoku.cpu;

import java.util.ArrayList;
import java.util.List;

/**
 * The firmware's throttling flags, decoded to words.
 *
 * <p>Bit layout from the Raspberry Pi documentation, "vcgencmd get_throttled" (computers/os.adoc): bit 0
 * under-voltage detected, 1 Arm frequency capped, 2 currently throttled, 3 soft temperature limit active;
 * bits 16..19 the same conditions "has occurred" since boot. The Raspberry Pi OS kernel exposes the same
 * value as hex in the firmware device's {@code get_throttled} sysfs file.
 *
 * @param raw       the raw 32-bit value, or null when only some flags are known (e.g. the hwmon under-voltage
 *                  alarm of a kernel without the {@code get_throttled} file)
 * @param now       conditions active now, e.g. {@code ["under-voltage", "throttled"]}; never null
 * @param sinceBoot conditions that occurred since boot; never null
 * @param source    where the flags were read, e.g. the sysfs path; for people
 */
public record ThrottleState(Integer raw, List<String> now, List<String> sinceBoot, String source) {

    /** Bit 0 / 16: the supply voltage dropped below about 4.63 V. */
    public static final String UNDER_VOLTAGE = "under-voltage";
    /** Bit 1 / 17: the firmware capped the Arm frequency. */
    public static final String ARM_FREQUENCY_CAPPED = "arm frequency capped";
    /** Bit 2 / 18: the firmware throttled the clocks. */
    public static final String THROTTLED = "throttled";
    /** Bit 3 / 19: the soft temperature limit was active. */
    public static final String SOFT_TEMPERATURE_LIMIT = "soft temperature limit";

    private static final String[] WORDS = { UNDER_VOLTAGE, ARM_FREQUENCY_CAPPED, THROTTLED, SOFT_TEMPERATURE_LIMIT };

    /** Copies the lists so that the state is immutable. */
    public ThrottleState {
        now = List.copyOf(now);
        sinceBoot = List.copyOf(sinceBoot);
    }

    /**
     * Decodes a {@code get_throttled} value. Set bits outside 0..3 and 16..19 are named {@code "bit N"}
     * so that nothing the firmware reports is hidden.
     *
     * @param raw    the value, e.g. {@code 0x50005}
     * @param source where it was read, for people
     * @return the decoded state; {@code 0x50005} gives now = [under-voltage, throttled] and since boot =
     *         [under-voltage, throttled]
     */
    public static ThrottleState decode(int raw, String source) {
        List<String> now = new ArrayList<>();
        List<String> since = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            if ((raw & (1 << bit)) == 0) {
                continue;
            }
            if (bit < 4) {
                now.add(WORDS[bit]);
            } else if (bit >= 16 && bit < 20) {
                since.add(WORDS[bit - 16]);
            } else {
                (bit < 16 ? now : since).add("bit " + bit);
            }
        }
        return new ThrottleState(raw, now, since, source);
    }

    /** @return true when any condition is active now */
    public boolean anyNow() {
        return !now.isEmpty();
    }

    /** @return true when any condition is active now or occurred since boot */
    public boolean any() {
        return !now.isEmpty() || !sinceBoot.isEmpty();
    }
}
