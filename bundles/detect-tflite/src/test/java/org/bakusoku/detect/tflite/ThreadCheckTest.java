package org.bakusoku.detect.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import org.bakusoku.detect.DetectorException;
import org.junit.jupiter.api.Test;

/**
 * The start-up thread self-check with a faked CPU clock: every model run advances wall time by 100 ms and process
 * CPU time by {@code 100 ms * cores}, as if that many cores worked on it.
 */
class ThreadCheckTest {

    /**
     * A clock whose CPU time grows {@code cores} times as fast as its wall time, advanced by each fake invoke or,
     * with {@code tickOnWallRead}, by each reading of the wall clock (so that the real model's invokes between two
     * readings count as 100 ms).
     */
    static final class FakeCpuClock implements CpuClock {
        private final double cores;
        private final boolean tickOnWallRead;
        private long wall;
        private long cpu;

        FakeCpuClock(double cores) {
            this(cores, false);
        }

        FakeCpuClock(double cores, boolean tickOnWallRead) {
            this.cores = cores;
            this.tickOnWallRead = tickOnWallRead;
        }

        void invoke() {
            wall += 100_000_000L;
            cpu += (long) (100_000_000L * cores);
        }

        @Override
        public long processCpuNanos() {
            return cpu;
        }

        @Override
        public long wallNanos() {
            if (tickOnWallRead) {
                invoke();
            }
            return wall;
        }
    }

    private static ThreadCheck check(int threads, double cores) throws DetectorException {
        FakeCpuClock clock = new FakeCpuClock(cores);
        return ThreadCheck.measure(threads, clock, clock::invoke, 3);
    }

    @Test
    void twoThreadsOnOneCoreAreReportedAsNotInEffect() throws Exception {
        ThreadCheck check = check(2, 1.0);
        assertThat(check.wallMs()).isEqualTo(300.0);
        assertThat(check.cpuMs()).isEqualTo(300.0);
        assertThat(check.parallelism()).isEqualTo(1.0);
        assertThat(check.ineffective()).isTrue();
        assertThat(check.describe()).startsWith("threads not in effect: 2 threads, CPU/wall 1.00 over 3 invokes")
                .contains("taskset");
    }

    @Test
    void threadsThatShareTheWorkPassAndOneThreadIsNeverFlagged() throws Exception {
        ThreadCheck check = check(4, 3.2);
        assertThat(check.parallelism()).isCloseTo(3.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(check.ineffective()).isFalse();
        assertThat(check.describe()).startsWith("thread check: 4 threads, CPU/wall 3.20");
        assertThat(check(1, 1.0).ineffective()).isFalse();
        assertThat(check(2, 1.3).ineffective()).as("1.3 cores: the second thread does some work").isFalse();
    }

    @Test
    void anUnknownCpuTimeIsNoWarning() throws Exception {
        CpuClock unknown = new CpuClock() {
            @Override
            public long processCpuNanos() {
                return -1;
            }

            @Override
            public long wallNanos() {
                return System.nanoTime();
            }
        };
        ThreadCheck check = ThreadCheck.measure(2, unknown, () -> { }, 1);
        assertThat(check.ineffective()).isFalse();
        assertThat(check.describe()).contains("no process CPU time");
    }

    @Test
    void theDetectorRunsTheCheckOnTheRealModelAtLoad() throws Exception {
        DetectorSettings two = new DetectorSettings(SharedData.model("ssd_mobilenet_v1_coco_quant"), null, null, 2,
                0.5f, DetectorSettings.DEFAULT_MEAN, DetectorSettings.DEFAULT_STD);
        try (TfliteDetector detector = TfliteDetector.open(two, new FakeCpuClock(1.0, true))) {
            assertThat(detector.threadCheck().threads()).isEqualTo(2);
            assertThat(detector.threadCheck().invokes()).isEqualTo(ThreadCheck.INVOKES);
            assertThat(detector.threadCheck().ineffective()).isTrue();
        }
        try (TfliteDetector detector = TfliteDetector.open(two, new FakeCpuClock(2.0, true))) {
            assertThat(detector.threadCheck().ineffective()).isFalse();
        }
        DetectorSettings one = new DetectorSettings(two.modelFile(), null, null, 1, 0.5f, 127.5f, 127.5f);
        try (TfliteDetector detector = TfliteDetector.open(one, new FakeCpuClock(1.0))) {
            assertThat(detector.threadCheck()).as("nothing to check with one thread").isNull();
        }
    }
}
