package org.bakusoku.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bakusoku.detect.Box;
import org.bakusoku.detect.DetectTopics;
import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.Detector;
import org.bakusoku.detect.DetectorException;
import org.bakusoku.detect.Timings;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;
import org.bakusoku.model.ModelInfo;
import org.junit.jupiter.api.Test;

class DetectionLoopTest {

    private static final ModelInfo MODEL = ModelInfo.of("test", "ab".repeat(32));

    /** A source whose latest frame the test sets by hand. */
    static final class ManualSource implements FrameSource {
        Frame latest;

        @Override
        public Frame latest() {
            return latest;
        }

        @Override
        public Frame awaitNewer(long afterSequence, long timeoutMs) {
            return latest != null && latest.sequence() > afterSequence ? latest : null;
        }

        @Override
        public String description() {
            return "manual";
        }
    }

    private static Frame frame(long seq) {
        return new Frame(seq, 1_000 + seq, System.nanoTime(), 2, 2, new byte[12]);
    }

    @Test
    void analysesOnlyTheLatestFrameAndPostsItsDetections() throws Exception {
        ManualSource source = new ManualSource();
        List<Long> analysed = new ArrayList<>();
        Detector detector = new Detector() {
            @Override
            public DetectionResult detect(Frame frame) {
                analysed.add(frame.sequence());
                return new DetectionResult(frame, MODEL,
                        List.of(new Detection("person", 0, 0.8f, new Box(0.1f, 0.2f, 0.3f, 0.4f))),
                        new Timings(1.5, 20.0, 21.5));
            }

            @Override
            public ModelInfo model() {
                return MODEL;
            }
        };
        List<Map<String, Object>> events = new ArrayList<>();
        DetectionLoop loop = new DetectionLoop(() -> source, () -> detector, events::add);

        assertThat(loop.step()).as("no frame yet").isFalse();
        source.latest = frame(1);
        assertThat(loop.step()).isTrue();
        assertThat(loop.step()).as("same frame is not analysed twice").isFalse();
        source.latest = frame(5); // frames 2..4 were dropped by the source while the detector was busy
        assertThat(loop.step()).isTrue();

        assertThat(analysed).containsExactly(1L, 5L);
        assertThat(events).hasSize(2);
        Map<String, Object> last = events.get(1);
        DetectionResult result = (DetectionResult) last.get(DetectTopics.RESULT);
        assertThat(result.frame().sequence()).isEqualTo(5);
        assertThat((String[]) last.get(DetectTopics.LABELS)).containsExactly("person");
        assertThat(last.get(DetectTopics.MODEL_ID)).isEqualTo(MODEL.id());
        assertThat(last.get(DetectTopics.FRAME_TIME)).isEqualTo(1_005L);
        assertThat(result.timings().invokeMs()).isEqualTo(20.0);
        assertThat(result.timings().totalMs()).as("capture-to-result latency is measured by the loop")
                .isGreaterThanOrEqualTo(0.0).isNotEqualTo(21.5);
    }

    @Test
    void aFailingDetectorSkipsTheFrameAndTheLoopGoesOn() throws Exception {
        ManualSource source = new ManualSource();
        Detector failing = new Detector() {
            @Override
            public DetectionResult detect(Frame frame) throws DetectorException {
                throw new DetectorException("model error");
            }

            @Override
            public ModelInfo model() {
                return MODEL;
            }
        };
        List<Map<String, Object>> events = new ArrayList<>();
        DetectionLoop loop = new DetectionLoop(() -> source, () -> failing, events::add);
        source.latest = frame(1);
        assertThat(loop.step()).isFalse();
        assertThat(events).isEmpty();
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
