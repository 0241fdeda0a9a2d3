package org.bakusoku.cpu;

/**
 * One point of the recent frequency/temperature history.
 *
 * @param timeMs       sampling instant, epoch ms
 * @param temperatureC SoC temperature, °C, or null when unknown
 * @param curMhz       highest current frequency over the cpufreq policies, MHz, or null without cpufreq
 * @param throttledRaw raw {@code get_throttled} value, or null when unknown
 */
public record CpuSample(long timeMs, Double temperatureC, Integer curMhz, Integer throttledRaw) {
}
