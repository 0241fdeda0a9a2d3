package org.bakusoku.rules;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a rule does to its relay when it matches. Only {@link #PULSE} exists yet; latched and following
 * relays will be further constants, each with its own handling in {@link RuleRunner}.
 */
public enum RuleAction {

    /** Energize the relay for the rule's hold time; a match while on extends it (RelayController.pulse). */
    PULSE;

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
