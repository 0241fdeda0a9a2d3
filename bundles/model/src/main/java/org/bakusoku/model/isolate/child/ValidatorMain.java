package org.bakusoku.model.isolate.child;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.tflite.DetectorSettings;
import org.bakusoku.detect.tflite.TfliteDetector;
import org.bakusoku.frame.Frame;

/**
 * Runs in the child JVM, never inside OSGi: loads a model with the detector bundle's own code
 * ({@link TfliteDetector#open}) and runs it on a few frames, so that a model that crashes TensorFlow Lite kills only
 * this process.
 *
 * <p>Arguments: {@code <model.tflite> <labels.txt or -> <threads> <frame.ppm>...}. Writes one line per event on
 * stdout, each starting with {@value #PREFIX} (TFLite's own messages go to stderr):
 * {@code loaded <input spec>}, {@code frame <i> invoke_ms=<ms> detections=<n> top=<label>:<score>}, and last
 * {@code ok invoke_ms=<median ms>} (exit 0) or {@code fail <reason>} (exit 2).
 */
public final class ValidatorMain {

    /** Marks the protocol lines among whatever else the child prints. */
    public static final String PREFIX = "BAKUSOKU-VALIDATE ";
    /** Exit status of a model that loaded but was refused or failed on a frame. */
    public static final int EXIT_REFUSED = 2;

    private ValidatorMain() {
    }

    /**
     * @param args model, labels or {@code -}, threads, frames
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length < 4) {
            out.println(PREFIX + "fail usage: <model.tflite> <labels.txt|-> <threads> <frame.ppm>...");
            System.exit(EXIT_REFUSED);
        }
        try {
            double median = run(args, out);
            out.println(PREFIX + "ok invoke_ms=" + String.format(Locale.ROOT, "%.3f", median));
            System.exit(0);
        } catch (Exception | LinkageError | StackOverflowError e) {
            out.println(PREFIX + "fail " + oneLine(e.getMessage() == null ? e.toString() : e.getMessage()));
            System.exit(EXIT_REFUSED);
        }
    }

    private static double run(String[] args, PrintStream out) throws Exception {
        Path model = Path.of(args[0]);
        Path labels = "-".equals(args[1]) ? null : Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        // Without a label file the detector names classes class-<n>; score threshold 0 reports every slot's top.
        DetectorSettings settings = new DetectorSettings(model, labels, "validation", threads, 0f,
                DetectorSettings.DEFAULT_MEAN, DetectorSettings.DEFAULT_STD);
        List<Double> invokeMs = new ArrayList<>();
        try (TfliteDetector detector = TfliteDetector.open(settings)) {
            out.println(PREFIX + "loaded " + detector.spec().input());
            for (int i = 3; i < args.length; i++) {
                DetectionResult result = detector.detect(readPpm(Path.of(args[i]), i - 2));
                invokeMs.add(result.timings().invokeMs());
                List<Detection> found = result.detections();
                String top = found.isEmpty() ? "-" : found.get(0).label() + ":"
                        + String.format(Locale.ROOT, "%.3f", found.get(0).score());
                out.println(PREFIX + "frame " + (i - 2) + " invoke_ms=" + String.format(Locale.ROOT, "%.3f",
                        result.timings().invokeMs()) + " detections=" + found.size() + " top=" + oneLine(top));
            }
        }
        double[] sorted = invokeMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /** Reads a binary PPM (P6, maxval 255) as written by the parent. */
    static Frame readPpm(Path file, long sequence) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String[] header = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.US_ASCII)
                .split("\\s+", 5);
        if (header.length < 5 || !header[0].equals("P6") || !header[3].equals("255")) {
            throw new IOException("frame " + file.getFileName() + " is not a P6 PPM with maxval 255");
        }
        int width = Integer.parseInt(header[1]);
        int height = Integer.parseInt(header[2]);
        int offset = bytes.length - width * height * 3;
        return new Frame(sequence, System.currentTimeMillis(), System.nanoTime(), width, height,
                Arrays.copyOfRange(bytes, offset, bytes.length));
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ").strip();
    }
}
