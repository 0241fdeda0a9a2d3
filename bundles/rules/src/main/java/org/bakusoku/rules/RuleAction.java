package org.bakusoku.rules;

import java.util.Arrays;
import java.util.Locale;

/** What a rule does to its relay once a detection is confirmed. */
public enum RuleAction {

    /**
     * Energize for {@code hold.ms}; every further confirmed detection restarts the hold (the controller's
     * re-pulse extends), so the relay drops {@code hold.ms} after the last one.
     */
    PULSE,
    /** Energize and stay on until reset from the console or the API (or the relay's maximum on-time). */
    LATCH,
    /**
     * Energize while the detection stays confirmed; release {@code release.delay.ms} after the confirmation
     * is lost (a detection confirmed again within the delay keeps the relay on).
     */
    FOLLOW;

    /** @return the configuration value, e.g. {@code "pulse"} */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value configuration value, case-insensitive, surrounding blanks ignored
     * @return the action
     * @throws IllegalArgumentException naming the accepted values if {@code value} is none of them
     */
    public static RuleAction parse(String value) {
        String wanted = value == null ? "" : value.strip();
        return Arrays.stream(values()).filter(action -> action.configValue().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("action must be one of "
                        + Arrays.stream(values()).map(RuleAction::configValue).toList() + ", got '" + value + "'"));
    }
}
