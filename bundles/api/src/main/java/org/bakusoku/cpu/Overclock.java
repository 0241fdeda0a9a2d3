package org.bakusoku.cpu;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Overclock profiles applied through the firmware's tryboot mechanism: the candidate goes to
 * {@code tryboot.txt}, the Pi reboots once into it, and only after a healthy trial (no under-voltage, the
 * temperature below the limit, the appliance detecting) is it written to {@code config.txt}. A failed trial,
 * a crash or a reset boots the old {@code config.txt} again.
 */
@ProviderType
public interface Overclock {

    /** @return the profiles for this board, {@code stock} first; only {@code stock} on other boards */
    List<OverclockProfile> profiles();

    /** @return the boot configuration's overclock and the tryboot state */
    OverclockStatus status();

    /**
     * Starts applying a profile. An overclock profile is written to {@code tryboot.txt} and the Pi reboots
     * into it a few seconds later; {@code stock} removes the appliance's block from {@code config.txt} and
     * reboots normally.
     *
     * @param profileId one of {@link #profiles()}' ids
     * @return the status after staging
     * @throws CpuException {@link CpuException.Kind#INVALID} for an unknown profile (choices: this board's
     *                      profiles), {@link CpuException.Kind#REFUSED} for another board's profile, an unknown
     *                      board, a kernel without tryboot or a trial already pending,
     *                      {@link CpuException.Kind#PERMISSION} when the boot partition is read-only
     */
    OverclockStatus apply(String profileId) throws CpuException;
}
