package org.bakusoku.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of measured durations. */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param values measurements (not modified)
     * @param count  how many leading values count, &ge; 1
     * @param p      percentile 0..100, e.g. 50 for the median, 95 for p95
     * @return the smallest value with at least {@code p} percent of the values at or below it
     * @throws IllegalArgumentException if {@code count} is 0
     */
    static double of(double[] values, int count, double p) {
        if (count < 1) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))];
    }
}
