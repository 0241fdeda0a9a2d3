package org.bakusoku.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.bakusoku.detect.DetectorException;
import org.bakusoku.detect.tflite.CpuClock;
import org.bakusoku.detect.tflite.DetectorManifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The bench command: for one model and one input, raw {@code Invoke()} per thread count 1..N with XNNPACK on and
 * off, then the full pipeline with the fastest configuration, in the same process, one after the other (never
 * concurrently), and one report. Plain Java: run from the appliance jar ({@code java -jar bakusoku.jar bench ...})
 * or from a class path ({@link BenchMain}).
 */
public final class Bench {

    /** Exit code: figures printed. */
    public static final int OK = 0;
    /** Exit code: the model or input could not be used, or the run failed. */
    public static final int FAILED = 1;
    /** Exit code: bad command line. */
    public static final int USAGE = 2;

    private Bench() {
    }

    /**
     * Parses the arguments, runs the bench, prints the table and writes the JSON file if asked.
     *
     * @param args the arguments after the {@code bench} word
     * @param out  receives progress lines and the table
     * @param err  receives usage and error messages
     * @return {@link #OK}, {@link #USAGE} or {@link #FAILED}
     */
    public static int command(String[] args, PrintStream out, PrintStream err) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.println(BenchOptions.USAGE);
            return USAGE;
        }
        try {
            BenchReport report = run(options, out);
            out.println();
            out.print(report.table());
            if (options.json() != null) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValue(options.json().toFile(), report.json());
                out.println("JSON written to " + options.json());
            }
            return OK;
        } catch (IOException | DetectorException | RuntimeException e) {
            err.println("bench failed: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("bench interrupted");
            return FAILED;
        }
    }

    /**
     * @param o   the options
     * @param out receives one progress line per measurement
     * @return the report
     * @throws IOException          if the model or input cannot be read
     * @throws DetectorException    if the model cannot be loaded or run
     * @throws InterruptedException if interrupted
     */
    public static BenchReport run(BenchOptions o, PrintStream out)
            throws IOException, DetectorException, InterruptedException {
        if (!Files.isRegularFile(o.model())) {
            throw new IOException("model file not found: " + o.model());
        }
        double loadStart = HostInfo.loadAverage();
        InputFrames frames = InputFrames.read(o.input());
        DetectorManifest manifest = DetectorManifest.beside(o.model());
        out.printf(Locale.ROOT, "bench: %s; %d raw configurations of at least %.1f s and %d invokes, then the pipeline"
                + " for %.1f s%n", frames.description(), 2 * o.maxThreads(), o.seconds(), o.minInvokes(), o.seconds());
        CpuClock clock = CpuClock.system();
        List<InvokeStats> runs = new ArrayList<>();
        for (int threads = 1; threads <= o.maxThreads(); threads++) {
            for (boolean xnnpack : new boolean[] {true, false}) {
                InvokeStats r = InvokeBench.run(o.model(), manifest, frames.images().get(0), threads, xnnpack,
                        o.seconds(), o.minInvokes(), clock);
                out.printf(Locale.ROOT, "  Invoke(): %d threads, XNNPACK %-3s: median %.1f ms, p95 %.1f ms (%d calls,"
                        + " %s)%n", threads, xnnpack ? "on" : "off", r.medianMs(), r.p95Ms(), r.invokes(),
                        r.delegation().describe());
                runs.add(r);
            }
        }
        InvokeStats best = runs.stream().min(Comparator.comparingDouble(InvokeStats::medianMs)).orElseThrow();
        InvokeStats withXnnpack = runs.stream().filter(r -> r.threads() == best.threads() && r.xnnpack())
                .findFirst().orElseThrow();
        double cameraFps = o.fps() > 0 ? o.fps() : Math.max(30, Math.ceil(2 * 1000 / best.medianMs()));
        out.printf(Locale.ROOT, "  pipeline: %d threads, XNNPACK %s, replay camera %.0f fps ...%n", best.threads(),
                best.xnnpack() ? "on" : "off", cameraFps);
        PipelineStats pipeline = PipelineBench.run(o.model(), frames, best.threads(), best.xnnpack(), cameraFps,
                o.seconds());
        String input = o.input() + " (" + frames.images().size() + " frames " + frames.size() + " used; "
                + frames.description() + ")";
        return new BenchReport(o.model().toString(), input, HostInfo.platform(), HostInfo.cores(), loadStart,
                HostInfo.loadAverage(), runs, best,
                new int[] {withXnnpack.delegation().taken(), withXnnpack.delegation().total()}, pipeline,
                HostInfo.heapUsedMb(), HostInfo.heapMaxMb(), HostInfo.rssMb());
    }

    /**
     * @param args arguments, with or without a leading {@code bench} word
     * @return the arguments after it
     */
    static String[] afterCommandWord(String[] args) {
        return args.length > 0 && args[0].equals("bench") ? Arrays.copyOfRange(args, 1, args.length) : args;
    }
}
