package org.bakusoku.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.bakusoku.detect.Detection;

/**
 * One detection rule, validated: when a frame holds a detection of one of {@code labels} scoring at
 * least {@code scoreMin}, act on relay {@code relayId}.
 *
 * @param name     rule name used in relay reasons and logs, e.g. {@code "person-alarm"}; not blank
 * @param labels   labels that trigger, lowercase, at least one; matched case-insensitively against the
 *                 model's label file (COCO: {@code "person"}, {@code "car"}, ...)
 * @param scoreMin minimum detection score, 0..1 inclusive
 * @param relayId  id of the relay to drive; not blank
 * @param action   what to do to the relay
 * @param holdMs   how long the relay stays on after the last match, milliseconds, 1..3,600,000
 */
public record DetectionRule(String name, List<String> labels, float scoreMin, String relayId, RuleAction action,
        long holdMs) {

    /** Longest hold, milliseconds: the relay controller's longest pulse (one hour). */
    public static final long MAX_HOLD_MS = 3_600_000L;

    /**
     * Strips names and ids, lowercases labels and drops blank ones.
     *
     * @throws IllegalArgumentException naming the bad value and the accepted range
     */
    public DetectionRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        name = name.strip();
        labels = labels == null ? List.of()
                : labels.stream().filter(Objects::nonNull).map(label -> label.strip().toLowerCase(Locale.ROOT))
                        .filter(label -> !label.isEmpty()).distinct().toList();
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("labels must name at least one label, e.g. person");
        }
        if (!(scoreMin >= 0f && scoreMin <= 1f)) {
            throw new IllegalArgumentException("score.min must be 0..1, got " + scoreMin);
        }
        if (relayId == null || relayId.isBlank()) {
            throw new IllegalArgumentException("relay.id must not be blank");
        }
        relayId = relayId.strip();
        Objects.requireNonNull(action, "action");
        if (holdMs < 1 || holdMs > MAX_HOLD_MS) {
            throw new IllegalArgumentException("hold.ms must be 1.." + MAX_HOLD_MS + ", got " + holdMs);
        }
    }

    /**
     * @param detections the detections of one frame, any order
     * @return the highest-scoring detection with a wanted label and a score &ge; {@code scoreMin}, if any
     */
    public Optional<Detection> match(List<Detection> detections) {
        return detections.stream()
                .filter(detection -> detection.label() != null
                        && labels.contains(detection.label().toLowerCase(Locale.ROOT))
                        && detection.score() >= scoreMin)
                .max(Comparator.comparingDouble(Detection::score));
    }

    /**
     * @param detection the matching detection
     * @return the relay reason, e.g. {@code "rule person-alarm: person 0.83"} (score to two decimals)
     */
    public String reason(Detection detection) {
        return String.format(Locale.ROOT, "rule %s: %s %.2f", name, detection.label(), detection.score());
    }

    /** @return a one-line description for logs, e.g. {@code "person-alarm: [person] >= 0.60 -> pulse alarm 2000 ms"} */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %s >= %.2f -> %s %s %d ms", name, labels, scoreMin, action.configValue(),
                relayId, holdMs);
    }
}
