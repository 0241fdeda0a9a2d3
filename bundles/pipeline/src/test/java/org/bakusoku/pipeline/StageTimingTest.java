package org.bakusoku.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageTimingTest {

    @Test
    void noEstimateUntilEnoughSamplesOfBothStages() {
        StageTiming timing = new StageTiming();
        assertThat(timing.prefetchAt(1_000)).isEqualTo(Long.MIN_VALUE);
        for (int i = 0; i < StageTiming.MIN_SAMPLES; i++) {
            timing.recordInference(100);
        }
        assertThat(timing.prefetchAt(1_000)).as("no preparation samples yet").isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void startsEarlyEnoughForTheFastInferencesAndTheSlowPreparations() {
        StageTiming timing = new StageTiming();
        // Inference 100..103 ms (q25 = 100 ms with nearest rank over 4), preparation 2..11 ms (q90 = 10 ms, the 9th of
        // 10).
        for (long ms : new long[] {103, 101, 100, 102}) {
            timing.recordInference(ms * 1_000_000L);
        }
        for (long ms = 2; ms <= 11; ms++) {
            timing.recordPrepare(ms * 1_000_000L);
        }
        long start = 5_000_000_000L;
        assertThat(timing.prefetchAt(start))
                .isEqualTo(start + 100_000_000L - 10_000_000L - StageTiming.MARGIN_NANOS);
    }

    @Test
    void onlyTheLastWindowCounts() {
        StageTiming timing = new StageTiming();
        for (int i = 0; i < StageTiming.WINDOW; i++) {
            timing.recordInference(500_000_000L);
            timing.recordPrepare(2_000_000L);
        }
        for (int i = 0; i < StageTiming.WINDOW; i++) {
            timing.recordInference(50_000_000L); // the model was swapped for a faster one
        }
        assertThat(timing.prefetchAt(0)).isEqualTo(50_000_000L - 2_000_000L - StageTiming.MARGIN_NANOS);
    }

    @Test
    void fpsIsMeasuredOverTheWindow() {
        FpsMeter meter = new FpsMeter();
        assertThat(meter.tick(0)).isZero();
        double fps = 0;
        for (int i = 1; i <= 40; i++) {
            fps = meter.tick(i * 100_000_000L); // one frame every 100 ms
        }
        assertThat(fps).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
