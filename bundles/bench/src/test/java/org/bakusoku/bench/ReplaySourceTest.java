package org.bakusoku.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bakusoku.camera.file.RgbImage;
import org.bakusoku.frame.Frame;
import org.junit.jupiter.api.Test;

/** The thread-less replay camera on a hand-driven clock (10 fps: one frame per 100 ms). */
class ReplaySourceTest {

    /** A clock that jumps instead of sleeping. */
    static final class ManualClock implements ReplaySource.Clock {
        long now = 5_000_000_000L;
        long slept;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long nanos) {
            if (nanos > now) {
                slept += nanos - now;
                now = nanos;
            }
        }
    }

    private static final List<RgbImage> IMAGES = List.of(new RgbImage(1, 1, new byte[] {1, 0, 0}),
            new RgbImage(1, 1, new byte[] {2, 0, 0}), new RgbImage(1, 1, new byte[] {3, 0, 0}));

    @Test
    void theLatestFrameIsTheLastOneWhoseCaptureInstantPassed() throws Exception {
        ManualClock clock = new ManualClock();
        ReplaySource source = new ReplaySource(IMAGES, 10, clock);
        long start = clock.now;
        Frame first = source.awaitNewer(0, 0);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.captureNanos()).isEqualTo(start);
        clock.now += 450_000_000L; // 4.5 frame periods later: frames 2..5 were "captured"
        Frame latest = source.awaitNewer(1, 0);
        assertThat(latest.sequence()).isEqualTo(5);
        assertThat(latest.captureNanos()).as("captured 50 ms ago").isEqualTo(start + 400_000_000L);
        assertThat(latest.rgb()).as("image (5 - 1) mod 3").isSameAs(IMAGES.get(1).rgb());
        assertThat(clock.slept).isZero();
    }

    @Test
    void waitingForTheNextFrameSleepsUntilItsCaptureInstantUnlessThatIsPastTheTimeout() throws Exception {
        ManualClock clock = new ManualClock();
        ReplaySource source = new ReplaySource(IMAGES, 10, clock);
        assertThat(source.awaitNewer(1, 50)).as("frame 2 is 100 ms away").isNull();
        Frame next = source.awaitNewer(1, 500);
        assertThat(next.sequence()).isEqualTo(2);
        assertThat(clock.slept).isEqualTo(100_000_000L);
        assertThat(source.latest().sequence()).isEqualTo(2);
    }
}
