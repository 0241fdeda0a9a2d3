package org.bakusoku.relay;

/**
 * What one detection rule configuration is doing, for the console.
 *
 * @param pid           ConfigAdmin PID of the rule's configuration
 * @param name          rule name, e.g. {@code "person-alarm"}
 * @param description   the rule in one line, e.g. {@code "person-alarm: [person] >= 0.60, 2 of 3 frames -> pulse alarm 2000 ms"};
 *                      empty while no valid configuration was ever accepted
 * @param active        true while a valid rule is applied to frames
 * @param problem       why the latest configuration was refused (the previous good rule stays), or null
 * @param lastTriggerMs when the rule last acted on its relay, epoch ms; 0 if never
 * @param lastCause     what it did then, e.g. {@code "rule person-alarm: person 0.83"}; null if never
 */
public record RuleState(String pid, String name, String description, boolean active, String problem,
        long lastTriggerMs, RelayCause lastCause) {
}
