package org.bakusoku.cpu;

import java.util.List;

/**
 * Everything the CPU page and {@code GET /api/v1/cpu} show, read at one instant.
 *
 * @param timeMs             reading instant, epoch ms
 * @param cpufreqAvailable   false when sysfs has no cpufreq policies (not a Pi, a container, a VM)
 * @param message            a plain sentence when something is unavailable (e.g. "No cpufreq in sysfs ..."),
 *                           else null
 * @param board              the board
 * @param governor           the governor of the first policy, or null without cpufreq
 * @param governorsAvailable {@code scaling_available_governors} of the first policy; empty without cpufreq
 * @param policies           the cpufreq policies, by name
 * @param temperatureC       SoC temperature from {@code /sys/class/thermal/thermal_zone0/temp} (m°C / 1000),
 *                           °C, or null when there is no thermal zone
 * @param throttle           the firmware throttling flags, or null when this kernel does not expose them
 * @param overclock          the boot configuration's overclock and a pending tryboot
 * @param guard              the thermal guard
 */
public record CpuSnapshot(long timeMs, boolean cpufreqAvailable, String message, BoardInfo board, String governor,
        List<String> governorsAvailable, List<CpuPolicy> policies, Double temperatureC, ThrottleState throttle,
        OverclockStatus overclock, GuardState guard) {

    /** Copies the lists so that the snapshot is immutable. */
    public CpuSnapshot {
        governorsAvailable = List.copyOf(governorsAvailable);
        policies = List.copyOf(policies);
    }
}
