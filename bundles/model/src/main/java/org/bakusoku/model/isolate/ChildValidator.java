package org.bakusoku.model.isolate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.bakusoku.model.isolate.child.ValidatorMain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a model in a separate JVM ({@link ValidatorMain}) with a heap limit and a timeout, so that a model that
 * crashes TensorFlow Lite's native code, loops or eats memory can only take that process down.
 *
 * <p>The child is started with {@code java} from {@code java.home}; its class path holds JavaCPP with the TFLite
 * classes and natives, the detector bundle's classes, the API and slf4j-api (built from the
 * bundles by {@code org.bakusoku.model.internal.ValidatorClassPath}). Its
 * protocol lines are read as they come for progress; TFLite's own messages (stderr) go to a file whose
 * {@code ERROR:} lines are quoted in a refusal. A child still running at the timeout is killed (with its
 * descendants).
 */
public final class ChildValidator {

    private static final Logger LOG = LoggerFactory.getLogger(ChildValidator.class);
    /** Most stderr lines quoted in a refusal. */
    private static final int QUOTED_ERRORS = 3;

    /**
     * How the child is started.
     *
     * @param classPath entries of the child's class path
     * @param mainClass the child's main class, normally {@link ValidatorMain}
     * @param heapMb    {@code -Xmx} of the child, MiB, 32..4096
     * @param timeoutMs how long the child may take from start to exit, ms, &gt; 0
     * @param threads   TFLite interpreter threads, 1..64
     * @param workDir   folder for the child's stderr log and the JavaCPP native cache
     */
    public record Settings(List<Path> classPath, String mainClass, int heapMb, long timeoutMs, int threads,
            Path workDir) {

        /**
         * @throws IllegalArgumentException naming the first bad value and its range
         */
        public Settings {
            classPath = List.copyOf(classPath);
            if (heapMb < 32 || heapMb > 4096) {
                throw new IllegalArgumentException("validation heap must be 32..4096 MiB, got " + heapMb);
            }
            if (timeoutMs <= 0) {
                throw new IllegalArgumentException("validation timeout must be positive, got " + timeoutMs + " ms");
            }
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("validation threads must be 1..64, got " + threads);
            }
        }
    }

    /**
     * The outcome.
     *
     * @param passed   true when the model loaded and ran on every frame
     * @param message  what happened in plain words (the reason when not passed)
     * @param invokeMs median invoke time over the frames, ms; 0 when not passed
     */
    public record Result(boolean passed, String message, double invokeMs) {
    }

    private final Settings settings;

    /** @param settings how to start the child */
    public ChildValidator(Settings settings) {
        this.settings = settings;
    }

    /**
     * Runs the model on the frames in a child JVM.
     *
     * @param model    the {@code .tflite} file
     * @param labels   its label file, or null
     * @param frames   PPM (P6) frames, at least one
     * @param progress receives short progress texts ("loading the model", "frame 2 of 3")
     * @return the outcome; never throws for anything the model does
     * @throws IOException if the child cannot be started at all (no {@code java}, no work folder)
     * @throws InterruptedException if the calling thread is interrupted; the child is killed
     */
    public Result validate(Path model, Path labels, List<Path> frames, Consumer<String> progress)
            throws IOException, InterruptedException {
        Files.createDirectories(settings.workDir());
        Path stderr = Files.createTempFile(settings.workDir(), "child-", ".log");
        List<String> command = command(model, labels, frames);
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        child.getOutputStream().close(); // the child reads nothing
        progress.accept("loading the model in a separate process");
        List<String> lines = new ArrayList<>();
        List<String> crashLines = new ArrayList<>();
        Thread reader = new Thread(() -> readLines(child, lines, crashLines, frames.size(), progress),
                "bakusoku-validate-out");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!child.waitFor(settings.timeoutMs(), TimeUnit.MILLISECONDS)) {
                kill(child);
                return new Result(false, "the model did not finish loading and running on " + frames.size()
                        + " frame(s) within " + settings.timeoutMs() / 1000.0 + " s; the test process was stopped", 0);
            }
        } catch (InterruptedException e) {
            kill(child);
            throw e;
        }
        reader.join(2_000);
        int exit = child.exitValue();
        String crash = crashReport(child.pid());
        if (crash == null && !snapshot(crashLines).isEmpty()) {
            crash = snapshot(crashLines).get(0);
        }
        String modelPath = model.toAbsolutePath().toString();
        Result raw = interpret(exit, snapshot(lines), errorLines(stderr), crash);
        // The detector names the file it loaded: a staging path means nothing to a user.
        Result result = new Result(raw.passed(), raw.message().replace(" for " + modelPath, "").replace(" of "
                + modelPath, "").replace(modelPath, "the model"), raw.invokeMs());
        LOG.info("Validated {} in a child JVM in {} ms: exit {}, {}", model.getFileName(),
                Math.round((System.nanoTime() - start) / 1e6), exit, result.message());
        Files.deleteIfExists(stderr);
        return result;
    }

    /** @return the child's command line */
    List<String> command(Path model, Path labels, List<Path> frames) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + settings.heapMb() + "m");
        cmd.add("-XX:MaxDirectMemorySize=" + settings.heapMb() + "m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1"); // a short-lived process: C1 only starts faster
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:-CreateCoredumpOnCrash");
        cmd.add("-XX:ErrorFile=" + settings.workDir().resolve("hs_err_%p.log"));
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + settings.workDir().resolve("javacpp-cache"));
        cmd.add("-cp");
        cmd.add(settings.classPath().stream().map(Path::toString).collect(Collectors.joining(
                System.getProperty("path.separator"))));
        cmd.add(settings.mainClass());
        cmd.add(model.toAbsolutePath().toString());
        cmd.add(labels == null ? "-" : labels.toAbsolutePath().toString());
        cmd.add(Integer.toString(settings.threads()));
        frames.forEach(f -> cmd.add(f.toAbsolutePath().toString()));
        return cmd;
    }

    /**
     * Turns the child's exit status and output into an outcome. Exit 0 with an {@code ok} line passed; a
     * {@code fail} line is the detector's own reason; a JVM crash report means native code crashed (the JVM then
     * exits with 1, as core dumps are off); otherwise 137 (SIGKILL) and 3 ({@code ExitOnOutOfMemoryError}) are named.
     *
     * @param crash the signal line of the child's crash report ({@code SIGSEGV (0xb) at pc=...}), or null
     */
    static Result interpret(int exit, List<String> lines, List<String> errors, String crash) {
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        String tflite = errors.isEmpty() ? "" : "; TensorFlow Lite said: " + String.join(" / ", errors);
        if (exit == 0 && last.startsWith("ok invoke_ms=")) {
            double ms = Double.parseDouble(last.substring("ok invoke_ms=".length()));
            long frames = lines.stream().filter(l -> l.startsWith("frame ")).count();
            String first = lines.stream().filter(l -> l.startsWith("frame ")).findFirst().orElse("");
            return new Result(true, String.format(Locale.ROOT, "ran on %d frame(s) in a separate process, median"
                    + " invoke %.1f ms; first frame: %s", frames, ms, first.replaceFirst("^frame 1 ", "")), ms);
        }
        if (last.startsWith("fail ")) {
            return new Result(false, last.substring(5) + tflite, 0);
        }
        String died = crash != null ? "TensorFlow Lite crashed while loading or running the model (" + crash
                + " in native code; only the separate test process died)" : switch (exit) {
            case 134, 139 -> "TensorFlow Lite crashed while loading or running the model (exit " + exit + ")";
            case 137 -> "the test process was killed (exit 137), probably for using too much memory";
            case 3 -> "the model needs more memory than the test process may use (" + "out of memory)";
            default -> "the test process ended unexpectedly with exit " + exit;
        };
        boolean loaded = lines.stream().anyMatch(l -> l.startsWith("loaded "));
        return new Result(false, died + (loaded ? " after the model loaded" : "") + "." + tflite.replaceFirst("^;", ""),
                0);
    }

    /**
     * Reads the child's stdout: protocol lines for progress, and the JVM's own crash banner ({@code #  SIGSEGV ...}),
     * which it prints on stdout when native code crashes.
     */
    private void readLines(Process child, List<String> lines, List<String> crashLines, int frames,
            Consumer<String> progress) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                if (line.startsWith("#  SIG")) {
                    synchronized (crashLines) {
                        crashLines.add(line.substring(3).replaceAll(" at pc=.*", "").strip());
                    }
                }
                if (!line.startsWith(ValidatorMain.PREFIX)) {
                    continue;
                }
                String message = line.substring(ValidatorMain.PREFIX.length());
                synchronized (lines) {
                    lines.add(message);
                }
                if (message.startsWith("loaded ")) {
                    progress.accept("model loaded, running it on " + frames + " frame(s)");
                } else if (message.startsWith("frame ")) {
                    progress.accept("ran frame " + message.split(" ")[1] + " of " + frames);
                }
            }
        } catch (IOException e) {
            // The child was killed while we read: its exit status tells the story.
        }
    }

    private static <T> List<T> snapshot(List<T> lines) {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * Reads and removes the JVM's crash report of a child ({@code -XX:ErrorFile}).
     *
     * @return its signal, e.g. {@code SIGSEGV (0xb)}, or null when the child did not crash
     */
    private String crashReport(long pid) throws IOException {
        Path report = settings.workDir().resolve("hs_err_" + pid + ".log");
        if (!Files.exists(report)) {
            return null;
        }
        try (var lines = Files.lines(report, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.startsWith("#  SIG")).findFirst()
                    .map(l -> l.substring(3).replaceAll(" at pc=.*", "").strip()).orElse("a fatal error");
        } finally {
            Files.deleteIfExists(report);
        }
    }

    /**
     * TFLite reports through its error reporter as {@code ERROR: ...} lines on stderr; an uncaught Java error in the
     * child shows as {@code Exception in thread ...}.
     */
    private static List<String> errorLines(Path stderr) throws IOException {
        try (var lines = Files.lines(stderr, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.startsWith("ERROR:") || l.startsWith("Exception in thread"))
                    .map(l -> l.startsWith("ERROR:") ? l.substring(6).strip() : l.strip())
                    .map(l -> l.replaceAll("\\S*/(tensorflow/lite/)", "$1")).distinct()
                    .limit(QUOTED_ERRORS).toList();
        } catch (java.io.UncheckedIOException e) {
            return List.of(); // not UTF-8: nothing quotable
        }
    }

    private static void kill(Process child) throws InterruptedException {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        child.waitFor(5, TimeUnit.SECONDS);
    }
}
