package org.bakusoku.cpu.impl;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validated settings of PID {@code org.bakusoku.cpu} (see {@link CpuComponent.Config} for meanings). A value
 * out of range is logged with its reason and the last good value stays.
 */
record CpuSettings(String governor, long sampleIntervalMs, int historyS, boolean guardEnabled, double guardTemperatureC,
        double guardHysteresisC, String guardAction, String guardGovernor, double guardRateFactor, String bootDir,
        String trybootMode, long trialS, double trialMaxTemperatureC, long trialMinFrames, List<String> helperCommand,
        long rebootDelayMs) {

    static final String NOTIFY = "notify";
    static final String RATE = "rate";
    static final String GOVERNOR = "governor";
    static final List<String> ACTIONS = List.of(NOTIFY, RATE, GOVERNOR);
    static final List<String> TRYBOOT_MODES = List.of("auto", "force", "off");

    /** The metatype defaults. */
    static final CpuSettings DEFAULTS = new CpuSettings("performance", 2000, 600, true, 80.0, 5.0, RATE, "powersave",
            0.5, "", "auto", 300, 80.0, 10, List.of(), 3000);

    private static final Logger LOG = LoggerFactory.getLogger(CpuSettings.class);

    /** @return the temperature below which the guard releases, °C */
    double guardReleaseC() {
        return guardTemperatureC - guardHysteresisC;
    }

    /** @return the trial rules */
    TrybootFlow.Rules trialRules() {
        return new TrybootFlow.Rules(trialS * 1000, trialMaxTemperatureC, trialMinFrames);
    }

    /**
     * @param c    the configuration
     * @param last the last good settings
     * @return new settings, each invalid value replaced by the last good one (logged)
     */
    static CpuSettings from(CpuComponent.Config c, CpuSettings last) {
        String governor = c.governor() == null ? "" : c.governor().strip();
        if (!governor.matches("[a-z0-9_]*")) {
            governor = bad("governor", c.governor(), "a governor name is lower-case letters, digits and _", last.governor);
        }
        return new CpuSettings(governor,
                range("sample.interval.ms", c.sample_interval_ms(), 500, 60_000, last.sampleIntervalMs),
                (int) range("history.s", c.history_s(), 60, 3600, last.historyS),
                c.guard_enabled(),
                range("guard.temperature.c", c.guard_temperature_c(), 40, 85, last.guardTemperatureC),
                range("guard.hysteresis.c", c.guard_hysteresis_c(), 1, 20, last.guardHysteresisC),
                oneOf("guard.action", c.guard_action(), ACTIONS, last.guardAction),
                c.guard_governor() != null && c.guard_governor().strip().matches("[a-z0-9_]+")
                        ? c.guard_governor().strip()
                        : bad("guard.governor", c.guard_governor(), "a governor name is needed", last.guardGovernor),
                range("guard.rate.factor", c.guard_rate_factor(), 0.05, 1, last.guardRateFactor),
                c.boot_dir() == null || c.boot_dir().isBlank() || c.boot_dir().strip().startsWith("/")
                        ? (c.boot_dir() == null ? "" : c.boot_dir().strip())
                        : bad("boot.dir", c.boot_dir(), "an absolute path or empty (search)", last.bootDir),
                oneOf("tryboot.mode", c.tryboot_mode(), TRYBOOT_MODES, last.trybootMode),
                range("trial.s", c.trial_s(), 60, 3600, last.trialS),
                range("trial.max.temperature.c", c.trial_max_temperature_c(), 50, 85, last.trialMaxTemperatureC),
                range("trial.min.frames", c.trial_min_frames(), 0, 100_000, last.trialMinFrames),
                c.helper_command() == null || c.helper_command().isBlank() ? List.of()
                        : Arrays.asList(c.helper_command().strip().split("\\s+")),
                range("reboot.delay.ms", c.reboot_delay_ms(), 0, 60_000, last.rebootDelayMs));
    }

    private static long range(String name, long value, long min, long max, long last) {
        return value >= min && value <= max ? value
                : bad(name, value, "allowed range is " + min + ".." + max, last);
    }

    private static double range(String name, double value, double min, double max, double last) {
        return value >= min && value <= max ? value
                : bad(name, value, "allowed range is " + min + ".." + max, last);
    }

    private static String oneOf(String name, String value, List<String> allowed, String last) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return allowed.contains(v) ? v : bad(name, value, "allowed: " + String.join(", ", allowed), last);
    }

    private static <T> T bad(String name, Object value, String why, T last) {
        LOG.error("configuration {}={} rejected ({}); keeping {}", name, value, why, last);
        return last;
    }
}
