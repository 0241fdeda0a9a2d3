package org.bakusoku.cpu;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The Linux cpufreq scaling governor of every policy, set live through sysfs
 * ({@code /sys/devices/system/cpu/cpufreq/policy*}/{@code scaling_governor}).
 */
@ProviderType
public interface CpuGovernor {

    /** @return {@code scaling_available_governors} of the first policy, e.g. {@code [conservative, ondemand,
     *          userspace, powersave, performance, schedutil]}; empty without cpufreq */
    List<String> available();

    /** @return the governor of the first policy, or null without cpufreq */
    String current();

    /**
     * Sets the governor on every policy and keeps it as the configured governor (re-applied at start).
     *
     * @param governor one of {@link #available()}
     * @throws CpuException {@link CpuException.Kind#INVALID} with the available governors as choices for an
     *                      unknown name, {@link CpuException.Kind#UNAVAILABLE} without cpufreq,
     *                      {@link CpuException.Kind#PERMISSION} when sysfs refuses the write
     */
    void set(String governor) throws CpuException;
}
