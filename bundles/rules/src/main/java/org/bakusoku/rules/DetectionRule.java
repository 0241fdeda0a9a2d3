package org.bakusoku.rules;

import java.util.Locale;
import java.util.Objects;

/**
 * One detection rule, validated: when {@code confirmHits} of the last {@code confirmFrames} analysed
 * frames hold a detection that passes {@code filter}, act on relay {@code relayId} as {@code action} says,
 * within the active hours, then keep quiet for {@code cooldownMs} after the action has ended.
 *
 * @param name           rule name used in relay reasons and logs, e.g. {@code "person-alarm"}; not blank
 * @param filter         which detections count
 * @param confirmHits    N of "N of M frames": frames with a counting detection needed, 1..{@code confirmFrames}
 * @param confirmFrames  M: how many of the latest frames are looked at, 1..{@value #MAX_WINDOW_FRAMES}
 * @param relayId        id of the relay to drive; not blank
 * @param action         what to do to the relay
 * @param holdMs         {@link RuleAction#PULSE}: how long the relay stays on after the last confirmed
 *                       detection, milliseconds, 1..3,600,000
 * @param releaseDelayMs {@link RuleAction#FOLLOW}: how long the relay stays on after the confirmation is
 *                       lost, milliseconds, 0..3,600,000
 * @param cooldownMs     quiet time after the action ended (pulse ran out, follow released, latch reset),
 *                       milliseconds, 0..86,400,000
 * @param activeHours    daily window in which the rule acts (local time), or null for always
 */
public record DetectionRule(String name, DetectionFilter filter, int confirmHits, int confirmFrames, String relayId,
        RuleAction action, long holdMs, long releaseDelayMs, long cooldownMs, ActiveHours activeHours) {

    /** Longest hold or release delay, milliseconds: the relay controller's longest pulse (one hour). */
    public static final long MAX_HOLD_MS = 3_600_000L;
    /** Longest cooldown, milliseconds (one day). */
    public static final long MAX_COOLDOWN_MS = 86_400_000L;
    /** Largest confirmation window, frames. */
    public static final int MAX_WINDOW_FRAMES = 100;

    /**
     * Strips name and relay id.
     *
     * @throws IllegalArgumentException naming the bad value and the accepted range
     */
    public DetectionRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        name = name.strip();
        Objects.requireNonNull(filter, "filter");
        if (confirmFrames < 1 || confirmFrames > MAX_WINDOW_FRAMES) {
            throw new IllegalArgumentException("confirm.window.frames must be 1.." + MAX_WINDOW_FRAMES + ", got "
                    + confirmFrames);
        }
        if (confirmHits < 1 || confirmHits > confirmFrames) {
            throw new IllegalArgumentException("confirm.hits must be 1..confirm.window.frames (" + confirmFrames
                    + "), got " + confirmHits);
        }
        if (relayId == null || relayId.isBlank()) {
            throw new IllegalArgumentException("relay.id must not be blank");
        }
        relayId = relayId.strip();
        Objects.requireNonNull(action, "action");
        check("hold.ms", holdMs, 1, MAX_HOLD_MS);
        check("release.delay.ms", releaseDelayMs, 0, MAX_HOLD_MS);
        check("cooldown.ms", cooldownMs, 0, MAX_COOLDOWN_MS);
    }

    private static void check(String attribute, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(attribute + " must be " + min + ".." + max + ", got " + value);
        }
    }

    /**
     * @return a one-line description for logs and the console, e.g.
     *         {@code "person-alarm: [person>=0.60], 1 of 1 frames -> pulse alarm 2000 ms"}
     */
    public String describe() {
        String what = switch (action) {
            case PULSE -> " " + holdMs + " ms";
            case FOLLOW -> ", release after " + releaseDelayMs + " ms";
            case LATCH -> " until reset";
        };
        return String.format(Locale.ROOT, "%s: %s, %d of %d frames -> %s %s%s%s%s", name, filter.describe(), confirmHits,
                confirmFrames, action.configValue(), relayId, what, cooldownMs > 0 ? ", cooldown " + cooldownMs + " ms" : "",
                activeHours == null ? "" : ", active " + activeHours);
    }
}
