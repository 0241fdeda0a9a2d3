package org.bakusoku.bench;

import java.nio.file.Path;
import java.util.Arrays;

import org.bakusoku.camera.file.RgbImage;
import org.bakusoku.detect.DetectorException;
import org.bakusoku.detect.tflite.CpuClock;
import org.bakusoku.detect.tflite.DetectorManifest;
import org.bakusoku.detect.tflite.DetectorSettings;
import org.bakusoku.detect.tflite.InputEncoder;
import org.bakusoku.detect.tflite.TensorType;
import org.bakusoku.detect.tflite.TfliteModel;

/**
 * Times {@code Interpreter::Invoke()} alone for one configuration: load the model with the given threads and
 * delegate, encode one real frame into the input tensor once, run {@value #WARM_UP} warm-up calls (the first ones
 * pack weights and allocate scratch memory), then time calls until both the time budget and the minimum count are
 * reached. Nothing else runs in between: this is the floor the pipeline is compared with.
 */
final class InvokeBench {

    static final int WARM_UP = 3;

    private InvokeBench() {
    }

    /**
     * @param model      the {@code .tflite} file
     * @param manifest   its manifest, or null
     * @param image      the frame encoded into the input
     * @param threads    interpreter threads
     * @param xnnpack    offer the XNNPACK delegate
     * @param seconds    time budget, seconds
     * @param minInvokes fewest measured calls
     * @param clock      process CPU and wall clock
     * @return the figures
     * @throws DetectorException if the model cannot be loaded or run
     */
    static InvokeStats run(Path model, DetectorManifest manifest, RgbImage image, int threads, boolean xnnpack,
            double seconds, int minInvokes, CpuClock clock) throws DetectorException {
        try (TfliteModel m = TfliteModel.load(model, threads, xnnpack, manifest)) {
            encode(m, manifest, image);
            for (int i = 0; i < WARM_UP; i++) {
                m.invoke();
            }
            double[] ms = new double[Math.max(64, minInvokes)];
            int count = 0;
            long wall0 = clock.wallNanos();
            long cpu0 = clock.processCpuNanos();
            long deadline = wall0 + (long) (seconds * 1e9);
            long now = wall0;
            while (count < minInvokes || now < deadline) {
                long start = System.nanoTime();
                m.invoke();
                long end = System.nanoTime();
                if (count == ms.length) {
                    ms = Arrays.copyOf(ms, count * 2);
                }
                ms[count++] = (end - start) / 1e6;
                now = clock.wallNanos();
            }
            long cpu1 = clock.processCpuNanos();
            double parallelism = cpu0 < 0 || cpu1 < 0 || now == wall0 ? 0 : (double) (cpu1 - cpu0) / (now - wall0);
            return new InvokeStats(threads, xnnpack, m.delegation(), count, Percentiles.of(ms, count, 50),
                    Percentiles.of(ms, count, 95), parallelism);
        }
    }

    /** Encodes the image as the detector would: same encoder, the manifest's mean/std or the defaults. */
    private static void encode(TfliteModel m, DetectorManifest manifest, RgbImage image) {
        float mean = manifest != null && manifest.inputMean() != null ? manifest.inputMean() : DetectorSettings.DEFAULT_MEAN;
        float std = manifest != null && manifest.inputStd() != null ? manifest.inputStd() : DetectorSettings.DEFAULT_STD;
        InputEncoder encoder = new InputEncoder(m.spec().input(), mean, std);
        if (m.spec().input().type() == TensorType.FLOAT32) {
            encoder.encode(image.rgb(), image.width(), image.height(), m.inputFloats());
        } else {
            encoder.encode(image.rgb(), image.width(), image.height(), m.inputBytes());
        }
    }
}
