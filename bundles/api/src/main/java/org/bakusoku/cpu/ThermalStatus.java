package org.bakusoku.cpu;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * CPU readings, their recent history and the thermal guard. A pipeline that wants to lower its detection
 * rate while the Pi is hot reads {@link GuardState#detectionRateFactor()} or listens to
 * {@link CpuTopics#THROTTLED} / {@link CpuTopics#COOLED}.
 */
@ProviderType
public interface ThermalStatus {

    /** @return a fresh reading of frequencies, governor, temperature, throttling flags and boot settings */
    CpuSnapshot snapshot();

    /** @return the samples of the last 10 minutes (configurable), oldest first */
    List<CpuSample> history();

    /** @return the thermal guard now */
    GuardState guard();
}
