package org.bakusoku.cpu;

import java.util.List;

/**
 * One cpufreq policy ({@code /sys/devices/system/cpu/cpufreq/policyN}): the CPUs that share a clock.
 * sysfs gives kHz; values here are MHz rounded to the nearest MHz. A Raspberry Pi 4 or 5 has one policy for
 * all four cores.
 *
 * @param name     the policy folder name, e.g. {@code "policy0"}
 * @param cpus     the CPU numbers of {@code affected_cpus}, e.g. {@code [0, 1, 2, 3]}
 * @param governor {@code scaling_governor}, e.g. {@code "ondemand"}
 * @param curMhz   {@code scaling_cur_freq}: the frequency the kernel requested (the firmware may run the
 *                 cores slower while it throttles), MHz
 * @param minMhz   {@code scaling_min_freq}, MHz
 * @param maxMhz   {@code scaling_max_freq}, MHz
 * @param hwMinMhz {@code cpuinfo_min_freq}, MHz
 * @param hwMaxMhz {@code cpuinfo_max_freq}: the highest clock of this boot (follows {@code arm_freq}), MHz
 */
public record CpuPolicy(String name, List<Integer> cpus, String governor, int curMhz, int minMhz, int maxMhz,
        int hwMinMhz, int hwMaxMhz) {

    /** Copies the CPU list so that the record is immutable. */
    public CpuPolicy {
        cpus = List.copyOf(cpus);
    }
}
