package org.bakusoku.cpu;

/**
 * The thermal guard.
 *
 * @param enabled             false when the guard is switched off by configuration
 * @param active              true while engaged (between {@link CpuTopics#THROTTLED} and {@link CpuTopics#COOLED})
 * @param sinceMs             when it last changed state, epoch ms; 0 if never
 * @param reason              why it last changed state, for people; empty if never
 * @param action              {@code notify}, {@code rate} (lower the detection rate) or {@code governor}
 *                            (switch to the cooling governor until it cools)
 * @param thresholdC          engage temperature, °C
 * @param releaseC            release temperature (threshold minus hysteresis), °C
 * @param detectionRateFactor 0..1, share of the normal detection rate the pipeline should keep now
 */
public record GuardState(boolean enabled, boolean active, long sinceMs, String reason, String action,
        double thresholdC, double releaseC, double detectionRateFactor) {
}
