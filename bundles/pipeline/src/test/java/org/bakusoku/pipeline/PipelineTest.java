package org.bakusoku.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;
import org.bakusoku.pipeline.Fakes.RecordingDetector;
import org.junit.jupiter.api.Test;

/** Both threads together: frames flow in order, and stop() ends the threads. */
class PipelineTest {

    /** Delivers a new frame on every request, as a camera that is always ahead of the detector. */
    static final class EndlessSource implements FrameSource {
        private long sequence;

        @Override
        public synchronized Frame latest() {
            return Fakes.frame(sequence);
        }

        @Override
        public synchronized Frame awaitNewer(long afterSequence, long timeoutMs) {
            sequence = Math.max(sequence, afterSequence) + 1;
            return Fakes.frame(sequence);
        }

        @Override
        public String description() {
            return "endless";
        }
    }

    @Test
    void framesFlowThroughBothThreadsInOrderAndStopEndsThem() throws Exception {
        RecordingDetector detector = new RecordingDetector();
        List<Long> sequences = new CopyOnWriteArrayList<>();
        CountDownLatch twenty = new CountDownLatch(20);
        EndlessSource source = new EndlessSource();
        Pipeline pipeline = new Pipeline(() -> source, () -> detector, (result, timeline, fps) -> {
            sequences.add(result.frame().sequence());
            assertThat(timeline.prepareStartNanos()).isLessThanOrEqualTo(timeline.inferenceStartNanos());
            twenty.countDown();
        });
        pipeline.start();
        boolean flowed = twenty.await(30, TimeUnit.SECONDS);
        pipeline.stop();

        assertThat(flowed).isTrue();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain(Pipeline.INFERENCE_THREAD, Pipeline.PREPROCESS_THREAD);
    }
}
