package org.bakusoku.cpu;

/**
 * EventAdmin topics and property keys of the thermal guard. Events are posted asynchronously
 * ({@code postEvent}); handlers must return within milliseconds.
 */
public final class CpuTopics {

    /**
     * Posted when the thermal guard engages: the SoC temperature reached the configured threshold or the
     * firmware started throttling (a {@code get_throttled} "now" bit for frequency capping, throttling or the
     * soft temperature limit).
     */
    public static final String THROTTLED = "org/bakusoku/cpu/THROTTLED";
    /** Posted when the guard releases: the temperature fell below threshold minus hysteresis, no throttling. */
    public static final String COOLED = "org/bakusoku/cpu/COOLED";

    /** Property: {@code Double}, SoC temperature in °C, or absent when unknown. */
    public static final String TEMPERATURE_C = "temperature.c";
    /** Property: {@code Integer}, raw {@code get_throttled} value, or absent when the firmware file is missing. */
    public static final String THROTTLED_RAW = "throttled.raw";
    /** Property: {@code String[]}, decoded "now" flags, e.g. {@code ["under-voltage", "throttled"]}. */
    public static final String THROTTLED_NOW = "throttled.now";
    /** Property: {@code String[]}, decoded "since boot" flags. */
    public static final String THROTTLED_SINCE_BOOT = "throttled.since_boot";
    /** Property: {@code String}, why the guard changed state, for people. */
    public static final String REASON = "reason";
    /** Property: {@code String}, the guard action: {@code notify}, {@code rate} or {@code governor}. */
    public static final String ACTION = "action";
    /**
     * Property: {@code Double}, 0..1, the share of the normal detection rate the pipeline should keep
     * (1 = full rate). Lower than 1 only while the guard is engaged with action {@code rate}.
     */
    public static final String DETECTION_RATE_FACTOR = "detection.rate.factor";
    /** Property: {@code Long}, instant of the change, epoch ms. */
    public static final String TIME = "time";

    private CpuTopics() {
    }
}
