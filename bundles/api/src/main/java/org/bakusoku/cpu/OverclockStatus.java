package org.bakusoku.cpu;

import java.util.List;

/**
 * The overclock in the boot configuration and the state of a pending tryboot.
 *
 * @param profile            the appliance profile in {@code config.txt}, {@code "stock"} when its block is
 *                           absent, {@code "custom"} when overclock keys are set outside the block only
 * @param armFreqMhz         effective {@code arm_freq} for this board (the last applicable line), or null when
 *                           unset (firmware default)
 * @param overVoltage        effective {@code over_voltage}, or null when unset
 * @param overVoltageDeltaUv effective {@code over_voltage_delta} in microvolts, or null when unset
 * @param phase              the tryboot phase
 * @param phaseProfile       the profile the phase is about, or null for {@link TrybootPhase#NONE}
 * @param phaseSinceMs       when the phase began, epoch ms; 0 for {@link TrybootPhase#NONE}
 * @param trialEndsAtMs      end of the health period in {@link TrybootPhase#TRIAL}, epoch ms, else null
 * @param message            what is going on or what went wrong, for people; never null
 * @param trybootSupported   true when this kernel and firmware can boot {@code tryboot.txt} once
 * @param trybootRefusal     why overclock profiles are refused here, or null when they can be applied
 * @param bootConfigPath     absolute path of {@code config.txt} on the device, or null when none was found
 * @param bootSettings       every overclock-related line in {@code config.txt} and included files
 */
public record OverclockStatus(String profile, Integer armFreqMhz, Integer overVoltage, Integer overVoltageDeltaUv,
        TrybootPhase phase, String phaseProfile, long phaseSinceMs, Long trialEndsAtMs, String message,
        boolean trybootSupported, String trybootRefusal, String bootConfigPath, List<BootSetting> bootSettings) {

    /** Copies the list so that the status is immutable. */
    public OverclockStatus {
        bootSettings = List.copyOf(bootSettings);
    }

    /** @return true while a candidate waits in {@code tryboot.txt} or is on trial */
    public boolean pendingTryboot() {
        return phase == TrybootPhase.STAGED || phase == TrybootPhase.TRIAL;
    }
}
