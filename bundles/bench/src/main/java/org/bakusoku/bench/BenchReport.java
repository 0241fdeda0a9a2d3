package org.bakusoku.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one bench run measured, as the printed table and as JSON.
 *
 * @param model       the model file as given
 * @param input       the input as given, with what was decoded
 * @param platform    Java and OS
 * @param cores       processors available
 * @param loadStart   1-minute load average before the run (-1 unknown)
 * @param loadEnd     1-minute load average after the run (-1 unknown)
 * @param runs        raw {@code Invoke()} figures, per thread count with XNNPACK on and off
 * @param best        the run with the lowest median: the configuration the pipeline ran with
 * @param xnnpackNodes nodes the XNNPACK delegate took at the best thread count, and the graph's node count
 * @param pipeline    the pipeline's figures
 * @param heapUsedMb  Java heap in use at the end, MiB
 * @param heapMaxMb   Java heap limit, MiB
 * @param rssMb       resident set size at the end, MiB (-1 unknown)
 */
public record BenchReport(String model, String input, String platform, int cores, double loadStart, double loadEnd,
        List<InvokeStats> runs, InvokeStats best, int[] xnnpackNodes, PipelineStats pipeline, double heapUsedMb,
        double heapMaxMb, double rssMb) {

    /** Goal of issue 3: pipeline throughput at least this share of 1 / Invoke median. */
    public static final double RATIO_GOAL = 0.95;
    /** Goal of issue 3: pipeline p95 latency at most this multiple of the Invoke median. */
    public static final double LATENCY_GOAL = 1.2;

    /** @return pipeline FPS x Invoke median / 1000: 1.0 means the pipeline adds nothing to the inference */
    public double ratio() {
        return pipeline.fps() * best.medianMs() / 1000.0;
    }

    /**
     * @return pipeline FPS x the median {@code Invoke()} inside the pipeline / 1000: the same ratio with both figures
     *         taken under the same conditions, so that load changing between the raw runs and the pipeline run
     *         cancels out; it shows the pipeline's scheduling overhead alone
     */
    public double ratioInPipeline() {
        return pipeline.fps() * pipeline.invokeMedianMs() / 1000.0;
    }

    /** @return pipeline p95 latency / Invoke median */
    public double latencyRatio() {
        return pipeline.latencyP95Ms() / best.medianMs();
    }

    /** @return the human-readable report, one table of raw runs and the pipeline's line */
    public String table() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Bakusoku bench: model %s%ninput %s%n%s, %d cores, load average %s"
                + " before, %s after%n%n", model, input, platform, cores, load(loadStart), load(loadEnd)));
        t.append(" threads  XNNPACK  nodes taken  invokes  Invoke median ms  Invoke p95 ms  CPU/wall\n");
        for (InvokeStats r : runs) {
            t.append(String.format(Locale.ROOT, " %7d  %-7s  %11s  %7d  %16.1f  %13.1f  %8.2f%s%n", r.threads(),
                    r.xnnpack() ? "on" : "off", r.delegation().taken() + "/" + r.delegation().total(), r.invokes(),
                    r.medianMs(), r.p95Ms(), r.parallelism(), r == best ? "  <- best" : ""));
        }
        PipelineStats p = pipeline;
        t.append(String.format(Locale.ROOT, "%npipeline (%d threads, XNNPACK %s, replay camera %.0f fps, %d frames):"
                + " %.2f FPS, latency median %.1f ms, p95 %.1f ms%n", p.threads(), p.xnnpack() ? "on" : "off",
                p.cameraFps(), p.frames(), p.fps(), p.latencyMedianMs(), p.latencyP95Ms()));
        t.append(String.format(Locale.ROOT, "  capture to result: median %.1f ms, p95 %.1f ms; preprocessing median"
                + " %.1f ms (own thread); inference thread median %.1f ms per frame, busy %.1f%% of the time%n",
                p.captureLatencyMedianMs(), p.captureLatencyP95Ms(), p.preprocessMedianMs(), p.inferenceMedianMs(),
                100 * p.inferenceBusy()));
        t.append(String.format(Locale.ROOT, "ratio = pipeline FPS x Invoke median / 1000 = %.3f (goal >= %.2f);"
                + " p95 latency / Invoke median = %.2f (goal <= %.1f)%n", ratio(), RATIO_GOAL, latencyRatio(),
                LATENCY_GOAL));
        t.append(String.format(Locale.ROOT, "  same conditions: Invoke inside the pipeline median %.1f ms (raw %.1f ms),"
                + " pipeline FPS x that / 1000 = %.3f%n", p.invokeMedianMs(), best.medianMs(), ratioInPipeline()));
        t.append(String.format(Locale.ROOT, "memory: heap %.0f MiB used of %.0f MiB max, RSS %s%n", heapUsedMb,
                heapMaxMb, rssMb < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MiB", rssMb)));
        return t.toString();
    }

    /** @return the figures as a JSON-ready map (issue 3's keys first, then the details) */
    public Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("invoke_ms_median", round(best.medianMs()));
        j.put("invoke_ms_p95", round(best.p95Ms()));
        j.put("threads", best.threads());
        j.put("xnnpack_nodes", xnnpackNodes[0]);
        j.put("pipeline_fps", round(pipeline.fps()));
        j.put("pipeline_latency_ms_median", round(pipeline.latencyMedianMs()));
        j.put("pipeline_latency_ms_p95", round(pipeline.latencyP95Ms()));
        j.put("ratio", Math.round(ratio() * 1000) / 1000.0);
        j.put("rss_mb", round(rssMb));
        j.put("xnnpack", best.xnnpack());
        j.put("graph_nodes", xnnpackNodes[1]);
        j.put("p95_latency_over_invoke_median", Math.round(latencyRatio() * 1000) / 1000.0);
        j.put("capture_latency_ms_median", round(pipeline.captureLatencyMedianMs()));
        j.put("capture_latency_ms_p95", round(pipeline.captureLatencyP95Ms()));
        j.put("preprocess_ms_median", round(pipeline.preprocessMedianMs()));
        j.put("inference_thread_ms_median", round(pipeline.inferenceMedianMs()));
        j.put("inference_thread_busy", Math.round(pipeline.inferenceBusy() * 1000) / 1000.0);
        j.put("pipeline_invoke_ms_median", round(pipeline.invokeMedianMs()));
        j.put("ratio_in_pipeline", Math.round(ratioInPipeline() * 1000) / 1000.0);
        j.put("pipeline_frames", pipeline.frames());
        j.put("camera_fps", round(pipeline.cameraFps()));
        j.put("heap_used_mb", round(heapUsedMb));
        j.put("heap_max_mb", round(heapMaxMb));
        j.put("cores", cores);
        j.put("load_average_start", loadStart);
        j.put("load_average_end", loadEnd);
        j.put("model", model);
        j.put("input", input);
        j.put("platform", platform);
        List<Map<String, Object>> list = new ArrayList<>();
        for (InvokeStats r : runs) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("threads", r.threads());
            run.put("xnnpack", r.xnnpack());
            run.put("xnnpack_nodes", r.delegation().taken());
            run.put("invokes", r.invokes());
            run.put("invoke_ms_median", round(r.medianMs()));
            run.put("invoke_ms_p95", round(r.p95Ms()));
            run.put("cpu_per_wall", Math.round(r.parallelism() * 100) / 100.0);
            list.add(run);
        }
        j.put("runs", list);
        return j;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String load(double value) {
        return value < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", value);
    }
}
