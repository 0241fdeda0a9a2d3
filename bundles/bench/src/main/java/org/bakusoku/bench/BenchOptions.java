package org.bakusoku.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The bench command's arguments.
 *
 * @param model      the {@code .tflite} file
 * @param input      an MJPEG {@code .avi}, a {@code .jpg}/{@code .png} image or a folder of them
 * @param maxThreads thread counts 1..maxThreads are measured, 1..64
 * @param seconds    length of each measurement (every raw configuration, and the pipeline), seconds, &gt; 0
 * @param json       where to write the JSON report, or null
 * @param fps        rate of the replay camera feeding the pipeline, frames per second; 0 = automatic (at least 30
 *                   and twice the fastest inference rate, so that the camera never limits the pipeline)
 * @param minInvokes fewest measured {@code Invoke()} calls per raw configuration, whatever {@code seconds} says
 */
public record BenchOptions(Path model, Path input, int maxThreads, double seconds, Path json, double fps,
        int minInvokes) {

    /** Usage text, printed on a bad argument. */
    public static final String USAGE = """
            usage: java -jar bakusoku.jar bench --model FILE --input FILE|DIR [--threads N] [--seconds S] [--json OUT]
                                                [--fps F] [--min-invokes K]
              --model FILE      .tflite detection model (labels.txt and detector.json beside it are used if present)
              --input FILE|DIR  MJPEG .avi video, .jpg/.png image, or a folder of images (up to 30 frames are used)
              --threads N       measure 1..N interpreter threads (default: the number of cores)
              --seconds S       seconds per measurement: each raw configuration and the pipeline (default 5)
              --json OUT        also write the figures as JSON to OUT
              --fps F           replay camera rate for the pipeline (default: 30, or twice the fastest inference rate)
              --min-invokes K   at least K measured Invoke() calls per configuration (default 20)""";

    /**
     * @throws IllegalArgumentException naming the first invalid value
     */
    public BenchOptions {
        if (model == null || input == null) {
            throw new IllegalArgumentException("--model and --input are required");
        }
        if (maxThreads < 1 || maxThreads > 64) {
            throw new IllegalArgumentException("--threads must be 1..64, got " + maxThreads);
        }
        if (!(seconds > 0) || seconds > 3600) {
            throw new IllegalArgumentException("--seconds must be within (0, 3600], got " + seconds);
        }
        if (!(fps >= 0) || fps > 1000) {
            throw new IllegalArgumentException("--fps must be within 0..1000 (0 = automatic), got " + fps);
        }
        if (minInvokes < 1 || minInvokes > 100_000) {
            throw new IllegalArgumentException("--min-invokes must be 1..100000, got " + minInvokes);
        }
    }

    /**
     * Parses the arguments that follow the {@code bench} word.
     *
     * @param args e.g. {@code --model m.tflite --input video.avi --threads 4}
     * @return the options, with defaults for what is not given
     * @throws IllegalArgumentException on an unknown option, a missing value or an invalid value
     */
    public static BenchOptions parse(String... args) {
        Path model = null;
        Path input = null;
        int threads = Runtime.getRuntime().availableProcessors();
        double seconds = 5;
        Path json = null;
        double fps = 0;
        int minInvokes = 20;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option.toLowerCase(Locale.ROOT)) {
                case "--model" -> model = Path.of(value);
                case "--input" -> input = Path.of(value);
                case "--threads" -> threads = integer(option, value);
                case "--seconds" -> seconds = number(option, value);
                case "--json" -> json = Path.of(value);
                case "--fps" -> fps = number(option, value);
                case "--min-invokes" -> minInvokes = integer(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new BenchOptions(model, input, threads, seconds, json, fps, minInvokes);
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got " + value, e);
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got " + value, e);
        }
    }
}
