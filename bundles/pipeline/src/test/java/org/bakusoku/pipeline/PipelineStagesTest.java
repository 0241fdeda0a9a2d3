package org.bakusoku.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.Detector;
import org.bakusoku.detect.Timings;
import org.bakusoku.frame.Frame;
import org.bakusoku.model.ModelInfo;
import org.bakusoku.pipeline.Fakes.ManualSource;
import org.bakusoku.pipeline.Fakes.RecordingDetector;
import org.junit.jupiter.api.Test;

/** The two stages driven step by step on the test thread, with a hand-set clock. */
class PipelineStagesTest {

    private final ManualSource source = new ManualSource();
    private final RecordingDetector detector = new RecordingDetector();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final FrameExchange exchange = new FrameExchange(2, clock::get);
    private final StageTiming timing = new StageTiming();
    private final List<DetectionResult> results = new ArrayList<>();
    private final List<FrameTimeline> timelines = new ArrayList<>();
    private final PreprocessStage preprocess = new PreprocessStage(() -> source, () -> detector, exchange, timing,
            0);
    private final InferenceStage inference = new InferenceStage(() -> detector, exchange, timing,
            (result, timeline, fps) -> {
                results.add(result);
                timelines.add(timeline);
            }, clock::get, 0);

    @Test
    void analysesOnlyTheLatestFrameFromItsPreparedBytes() throws Exception {
        assertThat(preprocess.step()).as("no frame yet").isFalse();
        source.latest = Fakes.frame(1);
        assertThat(preprocess.step()).isTrue();
        detector.duringDetect = () -> clock.addAndGet(30_000_000L);
        assertThat(inference.step()).isTrue();
        assertThat(preprocess.step()).as("same frame is not prepared twice").isFalse();
        source.latest = Fakes.frame(5); // frames 2..4 were dropped by the source while the detector was busy
        assertThat(preprocess.step()).isTrue();
        assertThat(inference.step()).isTrue();

        assertThat(detector.analysed).containsExactly(1L, 5L);
        assertThat(results).extracting(r -> r.frame().sequence()).containsExactly(1L, 5L);
        Timings t = results.get(0).timings();
        assertThat(t.preprocessMs()).isEqualTo(1.5);
        assertThat(t.invokeMs()).isEqualTo(20.0);
        assertThat(timelines.get(0).doneNanos() - timelines.get(0).inferenceStartNanos())
                .as("inference took 30 ms on the test clock").isEqualTo(30_000_000L);
        assertThat(exchange.freeCount()).as("both buffers back").isEqualTo(2);
    }

    @Test
    void theNewestPreparedFrameWinsWhenTheInferenceThreadDoesNotTakeIt() throws Exception {
        source.latest = Fakes.frame(1);
        assertThat(preprocess.step()).isTrue();
        source.latest = Fakes.frame(2);
        // The wait for the inference thread to take frame 1 times out at once (0 ms): frame 1 goes back unused.
        assertThat(preprocess.step()).isTrue();
        assertThat(exchange.freeCount()).isEqualTo(1);
        assertThat(inference.step()).isTrue();
        assertThat(detector.prepared).containsExactly(1L, 2L);
        assertThat(detector.analysed).containsExactly(2L);
    }

    @Test
    void aFailingDetectorSkipsTheFrameAndFreesTheBuffer() throws Exception {
        detector.fail = true;
        source.latest = Fakes.frame(1);
        assertThat(preprocess.step()).isTrue();
        assertThat(inference.step()).isFalse();
        assertThat(results).isEmpty();
        assertThat(exchange.freeCount()).isEqualTo(2);
        detector.fail = false;
        source.latest = Fakes.frame(2);
        assertThat(preprocess.step()).isTrue();
        assertThat(inference.step()).isTrue();
        assertThat(detector.analysed).containsExactly(2L);
    }

    @Test
    void aDetectorWithoutPreparationRunsThroughTheDefaultMethods() throws Exception {
        List<Long> direct = new ArrayList<>();
        Detector legacy = new Detector() {
            @Override
            public DetectionResult detect(Frame frame) {
                direct.add(frame.sequence());
                return new DetectionResult(frame, Fakes.MODEL, List.of(), new Timings(1, 2, 3));
            }

            @Override
            public ModelInfo model() {
                return Fakes.MODEL;
            }
        };
        PreprocessStage p = new PreprocessStage(() -> source, () -> legacy, exchange, timing, 0);
        InferenceStage i = new InferenceStage(() -> legacy, exchange, timing, (r, tl, fps) -> results.add(r),
                clock::get, 0);
        source.latest = Fakes.frame(7);
        assertThat(p.step()).isTrue();
        assertThat(i.step()).isTrue();
        assertThat(direct).containsExactly(7L);
        assertThat(results).singleElement().satisfies(r -> assertThat(r.frame().sequence()).isEqualTo(7));
    }

    @Test
    void preparationWaitsForThePrefetchTimeOnlyWhileAnInferenceRuns() throws Exception {
        for (int i = 0; i < StageTiming.MIN_SAMPLES; i++) {
            timing.recordInference(100_000_000L);
            timing.recordPrepare(5_000_000L);
        }
        source.latest = Fakes.frame(1);
        assertThat(preprocess.step()).as("idle inference: prepare at once").isTrue();
        assertThat(exchange.takeReady(0)).isNotNull();
        long start = clock.get();
        assertThat(timing.prefetchAt(start)).isEqualTo(start + 100_000_000L - 5_000_000L - StageTiming.MARGIN_NANOS);
        clock.addAndGet(95_000_000L); // past the prefetch time: no wait
        source.latest = Fakes.frame(2);
        assertThat(preprocess.step()).isTrue();
        assertThat(detector.prepared).containsExactly(1L, 2L);
    }
}
