package org.bakusoku.cpu;

/**
 * Where an overclock change is in the firmware's tryboot flow (Raspberry Pi documentation, "Fail-safe OS
 * updates (tryboot)": a one-shot reboot flag makes the firmware read {@code tryboot.txt} instead of
 * {@code config.txt}; the flag is cleared before the firmware starts, so a crash or reset boots
 * {@code config.txt} again).
 */
public enum TrybootPhase {
    /** Nothing pending. */
    NONE,
    /** {@code tryboot.txt} holds the candidate; the Pi is about to reboot into it. */
    STAGED,
    /** Running on the candidate settings, the health period is under way. */
    TRIAL,
    /** The candidate passed the health period and is now in {@code config.txt}. */
    COMMITTED,
    /** The candidate failed or the Pi reset; {@code config.txt} was never changed. */
    REVERTED
}
