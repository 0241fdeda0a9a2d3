package org.bakusoku.cpu.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bakusoku.cpu.GuardState;
import org.bakusoku.cpu.ThrottleState;

/**
 * The thermal guard's decision, without side effects: engage when the SoC temperature reaches the threshold
 * or the firmware starts throttling (a "now" flag for Arm frequency capping, throttling or the soft
 * temperature limit), release once the temperature is below threshold minus hysteresis and no such flag is
 * set. The hysteresis keeps it from flapping around the threshold. The Raspberry Pi 4 firmware itself throttles
 * the Arm cores from 80 °C and everything from 85 °C (Raspberry Pi documentation, "Monitoring core
 * temperature"): the default threshold of 80 °C acts before the firmware's hard limit.
 */
final class ThermalGuard {

    /** What a reading changed. */
    enum Transition {
        /** No change. */
        NONE,
        /** The guard engaged. */
        ENGAGED,
        /** The guard released. */
        RELEASED
    }

    private static final List<String> THROTTLING = List.of(ThrottleState.ARM_FREQUENCY_CAPPED, ThrottleState.THROTTLED,
            ThrottleState.SOFT_TEMPERATURE_LIMIT);

    private boolean active;
    private long sinceMs;
    private String reason = "";

    /**
     * @param settings     the guard settings
     * @param temperatureC SoC temperature, °C, or null when unknown
     * @param throttle     the firmware flags, or null when unknown
     * @param nowMs        the reading instant, epoch ms
     * @return what changed
     */
    synchronized Transition evaluate(CpuSettings settings, Double temperatureC, ThrottleState throttle, long nowMs) {
        if (!settings.guardEnabled()) {
            if (active) {
                change(false, nowMs, "the guard was switched off");
                return Transition.RELEASED;
            }
            return Transition.NONE;
        }
        List<String> throttling = throttle == null ? List.of()
                : throttle.now().stream().filter(THROTTLING::contains).toList();
        if (!active) {
            List<String> causes = new ArrayList<>();
            if (temperatureC != null && temperatureC >= settings.guardTemperatureC()) {
                causes.add(String.format(Locale.ROOT, "temperature %.1f °C reached %.1f °C", temperatureC,
                        settings.guardTemperatureC()));
            }
            if (!throttling.isEmpty()) {
                causes.add("firmware: " + String.join(", ", throttling));
            }
            if (!causes.isEmpty()) {
                change(true, nowMs, String.join("; ", causes));
                return Transition.ENGAGED;
            }
            return Transition.NONE;
        }
        boolean cool = temperatureC == null || temperatureC < settings.guardReleaseC();
        if (cool && throttling.isEmpty()) {
            change(false, nowMs, temperatureC == null ? "no temperature reading, no throttling"
                    : String.format(Locale.ROOT, "temperature %.1f °C is below %.1f °C, no throttling", temperatureC,
                            settings.guardReleaseC()));
            return Transition.RELEASED;
        }
        return Transition.NONE;
    }

    /**
     * @param settings the guard settings
     * @return the guard now, for the API
     */
    synchronized GuardState state(CpuSettings settings) {
        double factor = active && settings.guardAction().equals(CpuSettings.RATE) ? settings.guardRateFactor() : 1.0;
        return new GuardState(settings.guardEnabled(), active, sinceMs, reason, settings.guardAction(),
                settings.guardTemperatureC(), settings.guardReleaseC(), factor);
    }

    private void change(boolean engaged, long nowMs, String why) {
        active = engaged;
        sinceMs = nowMs;
        reason = why;
    }
}
