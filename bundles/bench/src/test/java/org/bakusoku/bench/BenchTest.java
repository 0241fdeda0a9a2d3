package org.bakusoku.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bench command end to end on the shared COCO model and MJPEG video, kept short. It checks what the run
 * reports (configurations, node counts, keys, consistency of the ratio), never how fast anything was.
 */
class BenchTest {

    @TempDir
    Path dir;

    private static Path shared(String path) {
        String configured = System.getProperty("bakusoku.shared");
        return (configured != null ? Paths.get(configured) : Paths.get("../../../shared")).resolve(path);
    }

    @Test
    void printsTheTableAndWritesTheJsonFigures() throws Exception {
        Path json = dir.resolve("bench.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Bench.command(new String[] {"--model",
            shared("models/ssd_mobilenet_v1_coco_quant/model.tflite").toString(), "--input",
            shared("data/video/vtest_pedestrians_8s_mjpeg.avi").toString(), "--threads", "2", "--seconds", "0.3",
            "--min-invokes", "3", "--json", json.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Bench.OK);
        assertThat(printed).contains("<- best", "pipeline (", "ratio = pipeline FPS x Invoke median / 1000",
                "RSS");

        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.fieldNames()).toIterable().startsWith("invoke_ms_median", "invoke_ms_p95", "threads",
                "xnnpack_nodes", "pipeline_fps", "pipeline_latency_ms_median", "pipeline_latency_ms_p95", "ratio",
                "rss_mb");
        assertThat(j.get("runs")).hasSize(4);
        assertThat(j.get("runs").findValuesAsText("xnnpack")).containsExactly("true", "false", "true", "false");
        assertThat(j.get("xnnpack_nodes").asInt()).as("13 RESHAPE + 1 LOGISTIC of the COCO graph")
                .isEqualTo(14);
        assertThat(j.get("graph_nodes").asInt()).isEqualTo(64);
        assertThat(j.get("threads").asInt()).isBetween(1, 2);
        assertThat(j.get("pipeline_frames").asInt()).isPositive();
        assertThat(j.get("invoke_ms_p95").asDouble()).isGreaterThanOrEqualTo(j.get("invoke_ms_median").asDouble());
        double expectedRatio = j.get("pipeline_fps").asDouble() * j.get("invoke_ms_median").asDouble() / 1000;
        assertThat(j.get("ratio").asDouble()).isCloseTo(expectedRatio, org.assertj.core.data.Offset.offset(0.01));
        assertThat(j.get("rss_mb").asDouble()).isPositive();
        assertThat(j.get("inference_thread_busy").asDouble()).isBetween(0.0, 1.0);
        double inPipeline = j.get("pipeline_fps").asDouble() * j.get("pipeline_invoke_ms_median").asDouble() / 1000;
        assertThat(j.get("ratio_in_pipeline").asDouble()).isCloseTo(inPipeline, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void badArgumentsAndMissingFilesGiveTheirExitCodes() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(Bench.command(new String[] {"--model", "m.tflite"}, quiet, errors)).isEqualTo(Bench.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar bakusoku.jar bench");
        assertThat(Bench.command(new String[] {"--model", dir.resolve("none.tflite").toString(), "--input",
            dir.toString()}, quiet, errors)).isEqualTo(Bench.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("model file not found");
    }
}
