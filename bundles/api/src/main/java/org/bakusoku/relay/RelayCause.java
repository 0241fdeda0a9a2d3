package org.bakusoku.relay;

import java.util.Locale;

import org.bakusoku.detect.Detection;

/**
 * Why a relay is commanded: a reason for people, and, when a detection rule acted, the rule and the
 * detection that made it act (shown by the console's Relays page and the transition log).
 *
 * @param reason    one line for logs and the console, e.g. {@code "rule person-alarm: person 0.83"};
 *                  {@code "unspecified"} when blank
 * @param rule      name of the detection rule that acted, or null when a person, the console or a
 *                  fail-safe acted
 * @param detection the detection that confirmed the rule (normalized 0..1 box), or null
 */
public record RelayCause(String reason, String rule, Detection detection) {

    /** Replaces a blank reason by {@code "unspecified"}. */
    public RelayCause {
        reason = reason == null || reason.isBlank() ? "unspecified" : reason.strip();
    }

    /**
     * @param reason why, e.g. {@code "console: test pulse"}
     * @return a cause without rule or detection
     */
    public static RelayCause of(String reason) {
        return new RelayCause(reason, null, null);
    }

    /**
     * @param rule      rule name
     * @param detection the detection that triggered it
     * @return a cause whose reason reads {@code "rule <rule>: <label> <score, two decimals>"}
     */
    public static RelayCause rule(String rule, Detection detection) {
        return new RelayCause(String.format(Locale.ROOT, "rule %s: %s %.2f", rule, detection.label(), detection.score()),
                rule, detection);
    }
}
