package org.bakusoku.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bakusoku.rules.Detections.detection;

import java.util.List;
import java.util.Map;

import org.bakusoku.detect.Box;
import org.junit.jupiter.api.Test;

/** Which detections count for a rule: per-label scores, zones, box areas; and what is refused as configuration. */
class DetectionFilterTest {

    private static DetectionFilter labels(String... entries) {
        return new DetectionFilter(DetectionFilter.parseLabels(List.of(entries), 0.6), 0, 1, null);
    }

    @Test
    void perLabelMinimumScoresAndTheDefault() {
        DetectionFilter filter = labels(" Person ", "car=0.8", "");

        assertThat(filter.scoreMin()).containsExactly(Map.entry("person", 0.6f), Map.entry("car", 0.8f));
        assertThat(filter.counts(detection("person", 0.6f))).isTrue();
        assertThat(filter.counts(detection("person", 0.59f))).isFalse();
        assertThat(filter.counts(detection("car", 0.79f))).isFalse();
        assertThat(filter.counts(detection("CAR", 0.8f))).isTrue();
        assertThat(filter.counts(detection("cat", 0.99f))).isFalse();
        assertThat(filter.best(List.of(detection("person", 0.7f), detection("car", 0.9f), detection("car", 0.5f))))
                .get().extracting(d -> d.label(), d -> d.score()).containsExactly("car", 0.9f);
    }

    @Test
    void centreZoneTakesBoxesWhoseCentreIsInside() {
        // An L-shaped (concave) zone: the left column and the bottom band.
        Zone zone = Zone.parse("0,0 0.5,0 0.5,0.5 1,0.5 1,1 0,1", "centre", 0.5);
        DetectionFilter filter = new DetectionFilter(Map.of("person", 0.5f), 0, 1, zone);

        assertThat(filter.counts(detection("person", 0.9f, new Box(0.1f, 0.1f, 0.3f, 0.3f)))).isTrue();
        assertThat(filter.counts(detection("person", 0.9f, new Box(0.6f, 0.1f, 0.9f, 0.4f)))).isFalse();
        assertThat(filter.counts(detection("person", 0.9f, new Box(0.6f, 0.6f, 0.9f, 0.9f)))).isTrue();
    }

    @Test
    void overlapZoneTakesBoxesWithEnoughAreaInside() {
        Zone zone = Zone.parse("0,0 0.5,0 0.5,1 0,1", "overlap", 0.5);

        Box half = new Box(0.25f, 0.25f, 0.75f, 0.75f);
        Box quarter = new Box(0.375f, 0.25f, 0.875f, 0.75f);
        assertThat(zone.overlapArea(half)).isEqualTo(0.125);
        assertThat(zone.contains(half)).isTrue();
        assertThat(zone.contains(quarter)).isFalse();
        assertThat(Zone.parse("0,0 0.5,0 0.5,1 0,1", "overlap", 0.25).contains(quarter)).isTrue();
    }

    @Test
    void boxAreaLimitsDropFarAwayAndHugeBoxes() {
        DetectionFilter filter = new DetectionFilter(Map.of("person", 0.5f), 0.01, 0.5, null);

        assertThat(filter.counts(detection("person", 0.9f, new Box(0.5f, 0.5f, 0.55f, 0.55f)))).isFalse(); // 0.0025
        assertThat(filter.counts(detection("person", 0.9f, new Box(0.5f, 0.5f, 0.6f, 0.6f)))).isTrue(); // 0.01
        assertThat(filter.counts(detection("person", 0.9f, new Box(0f, 0f, 0.8f, 0.8f)))).isFalse(); // 0.64
    }

    @Test
    void badValuesAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> labels(" ", "")).hasMessage("labels must name at least one label, e.g. person");
        assertThatThrownBy(() -> labels("car=1.2")).hasMessageContaining("'car=1.2'");
        assertThatThrownBy(() -> labels("car=high")).hasMessageContaining("'car=high'");
        assertThatThrownBy(() -> DetectionFilter.parseLabels(List.of("person"), 1.5))
                .hasMessage("score.min must be 0..1, got 1.5");
        assertThatThrownBy(() -> new DetectionFilter(Map.of("person", 0.5f), 0.6, 0.5, null))
                .hasMessageContaining("0 <= min <= max <= 1");
        assertThatThrownBy(() -> Zone.parse("0,0 1,0", "centre", 0.5)).hasMessageContaining("at least 3 vertices");
        assertThatThrownBy(() -> Zone.parse("0,0 1.5,0 1,1", "centre", 0.5)).hasMessageContaining("'1.5,0'");
        assertThatThrownBy(() -> Zone.parse("0,0 1,0 1,1", "inside", 0.5))
                .hasMessage("zone.match must be centre or overlap, got 'inside'");
        assertThatThrownBy(() -> ActiveHours.parse("22-6")).hasMessageContaining("'22-6'");
    }

    @Test
    void activeHoursWrapMidnight() {
        ActiveHours night = ActiveHours.parse("22:00-06:00");
        assertThat(night.contains(java.time.LocalTime.of(23, 0))).isTrue();
        assertThat(night.contains(java.time.LocalTime.of(5, 59))).isTrue();
        assertThat(night.contains(java.time.LocalTime.of(6, 0))).isFalse();
        assertThat(night.contains(java.time.LocalTime.of(12, 0))).isFalse();
        assertThat(ActiveHours.parse("08:00-18:00").contains(java.time.LocalTime.of(12, 0))).isTrue();
    }
}
