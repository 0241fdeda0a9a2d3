package org.bakusoku.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bakusoku.detect.Box;
import org.bakusoku.detect.DetectTopics;
import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.Timings;
import org.bakusoku.frame.Frame;
import org.bakusoku.model.ModelInfo;
import org.junit.jupiter.api.Test;

class PipelineComponentTest {

    @Test
    void eventCarriesResultLabelsModelFrameTimeAndFps() {
        ModelInfo model = ModelInfo.of("test", "ab".repeat(32));
        Frame frame = new Frame(5, 1_005, 0, 2, 2, new byte[12]);
        DetectionResult result = new DetectionResult(frame, model, List.of(
                new Detection("person", 0, 0.8f, new Box(0.1f, 0.2f, 0.3f, 0.4f)),
                new Detection("dog", 17, 0.6f, new Box(0.5f, 0.5f, 0.6f, 0.6f))), new Timings(1.5, 20, 40));
        Map<String, Object> props = PipelineComponent.eventProperties(result, 7.5);
        assertThat(props.get(DetectTopics.RESULT)).isSameAs(result);
        assertThat((String[]) props.get(DetectTopics.LABELS)).containsExactly("person", "dog");
        assertThat(props.get(DetectTopics.MODEL_ID)).isEqualTo(model.id());
        assertThat(props.get(DetectTopics.FRAME_TIME)).isEqualTo(1_005L);
        assertThat(props.get(DetectTopics.FPS)).isEqualTo(7.5);
    }
}
