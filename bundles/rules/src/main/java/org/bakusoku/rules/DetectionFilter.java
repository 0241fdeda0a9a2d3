package org.bakusoku.rules;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bakusoku.detect.Detection;

/**
 * Which detections of a frame count for a rule: a wanted label at or above its minimum score, a box whose
 * area (fraction of the frame) lies within limits, inside the zone if there is one.
 *
 * @param scoreMin minimum score by lowercase label, 0..1, at least one label, in configuration order
 * @param areaMin  smallest box area, fraction of the frame area, 0..1
 * @param areaMax  largest box area, fraction of the frame area, {@code areaMin}..1
 * @param zone     where boxes must lie, or null for the whole frame
 */
public record DetectionFilter(Map<String, Float> scoreMin, double areaMin, double areaMax, Zone zone) {

    /**
     * @throws IllegalArgumentException naming the bad value and the accepted range
     */
    public DetectionFilter {
        if (scoreMin == null || scoreMin.isEmpty()) {
            throw new IllegalArgumentException("labels must name at least one label, e.g. person");
        }
        scoreMin = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scoreMin));
        if (!(areaMin >= 0 && areaMin <= 1) || !(areaMax >= areaMin && areaMax <= 1)) {
            throw new IllegalArgumentException("box.area.min and box.area.max must satisfy 0 <= min <= max <= 1, got "
                    + areaMin + " and " + areaMax);
        }
    }

    /**
     * Parses the {@code labels} attribute: entries {@code "person"} (minimum {@code defaultMin}) or
     * {@code "car=0.7"} (its own minimum); blanks ignored, labels lowercase.
     *
     * @param entries    the attribute's values
     * @param defaultMin {@code score.min}, 0..1
     * @return minimum score by label, in entry order
     * @throws IllegalArgumentException naming a bad entry or score; also for no label at all
     */
    public static Map<String, Float> parseLabels(List<String> entries, double defaultMin) {
        if (!(defaultMin >= 0 && defaultMin <= 1)) {
            throw new IllegalArgumentException("score.min must be 0..1, got " + defaultMin);
        }
        Map<String, Float> out = new LinkedHashMap<>();
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", 2);
            String label = parts[0].strip().toLowerCase(Locale.ROOT);
            double min = defaultMin;
            if (parts.length == 2) {
                try {
                    min = Double.parseDouble(parts[1].strip());
                } catch (NumberFormatException e) {
                    min = Double.NaN;
                }
            }
            if (label.isEmpty() || !(min >= 0 && min <= 1)) {
                throw new IllegalArgumentException("labels entries must be 'label' or 'label=score' with a score in 0..1,"
                        + " got '" + entry + "'");
            }
            out.put(label, (float) min);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("labels must name at least one label, e.g. person");
        }
        return out;
    }

    /**
     * @param detections the detections of one frame, any order
     * @return the highest-scoring detection that counts, if any
     */
    public Optional<Detection> best(List<Detection> detections) {
        return detections.stream().filter(this::counts).max(Comparator.comparingDouble(Detection::score));
    }

    /** @return true if this detection counts for the rule */
    public boolean counts(Detection detection) {
        if (detection.label() == null || detection.box() == null) {
            return false;
        }
        Float min = scoreMin.get(detection.label().toLowerCase(Locale.ROOT));
        double area = detection.box().area();
        return min != null && detection.score() >= min && area >= areaMin && area <= areaMax
                && (zone == null || zone.contains(detection.box()));
    }

    /** @return e.g. {@code "[person>=0.60, car>=0.70], area 0.01..0.50, zone 4 points, centre"} */
    public String describe() {
        String labels = scoreMin.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s>=%.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "[", "]"));
        String area = areaMin > 0 || areaMax < 1 ? String.format(Locale.ROOT, ", area %.2f..%.2f", areaMin, areaMax) : "";
        return labels + area + (zone == null ? "" : ", " + zone.describe());
    }
}
