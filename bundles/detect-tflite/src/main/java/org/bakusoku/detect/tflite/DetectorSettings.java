package org.bakusoku.detect.tflite;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Validated detector settings, independent of how they were configured.
 *
 * @param modelFile      the {@code .tflite} file
 * @param labelsFile     the label file, or null for {@code labels.txt} beside the model
 * @param modelName      display name, or null/blank for the model file's parent folder name
 * @param threads        interpreter threads 1..64, or 0 for {@link Runtime#availableProcessors()}
 * @param scoreThreshold minimum detection score, 0..1
 * @param inputMean      mean subtracted from 0..255 pixel values for FLOAT32/INT8 input, finite
 * @param inputStd       divisor applied after the mean for FLOAT32/INT8 input, finite and non-zero
 * @param xnnpack        offer the graph to the XNNPACK delegate (QS8 and QU8 enabled); false = built-in kernels only
 */
public record DetectorSettings(Path modelFile, Path labelsFile, String modelName, int threads, float scoreThreshold,
        float inputMean, float inputStd, boolean xnnpack) {

    /** Default mean and std: map 0..255 to -1..1, as the TF Object Detection API's SSD preprocessing does. */
    public static final float DEFAULT_MEAN = 127.5f;
    /** @see #DEFAULT_MEAN */
    public static final float DEFAULT_STD = 127.5f;

    /**
     * @throws IllegalArgumentException naming the first bad value and its allowed range
     */
    public DetectorSettings {
        Objects.requireNonNull(modelFile, "modelFile");
        if (threads < 0 || threads > 64) {
            throw new IllegalArgumentException("threads must be 0 (all cores) or 1..64, got " + threads);
        }
        if (!(scoreThreshold >= 0f && scoreThreshold <= 1f)) {
            throw new IllegalArgumentException("score.threshold must be within 0..1, got " + scoreThreshold);
        }
        if (!Float.isFinite(inputMean)) {
            throw new IllegalArgumentException("input.mean must be a finite number, got " + inputMean);
        }
        if (!Float.isFinite(inputStd) || inputStd == 0f) {
            throw new IllegalArgumentException("input.std must be a finite non-zero number, got " + inputStd);
        }
    }

    /**
     * Settings with XNNPACK offered.
     *
     * @see #DetectorSettings(Path, Path, String, int, float, float, float, boolean)
     */
    public DetectorSettings(Path modelFile, Path labelsFile, String modelName, int threads, float scoreThreshold,
            float inputMean, float inputStd) {
        this(modelFile, labelsFile, modelName, threads, scoreThreshold, inputMean, inputStd, true);
    }

    /** @return the label file to read: the configured one, else {@code labels.txt} beside the model */
    public Path effectiveLabelsFile() {
        return labelsFile != null ? labelsFile : modelFile.resolveSibling("labels.txt");
    }

    /** @return the configured name, else the name of the model file's parent folder, else the file name */
    public String effectiveName() {
        if (modelName != null && !modelName.isBlank()) {
            return modelName.strip();
        }
        Path parent = modelFile.toAbsolutePath().getParent();
        return parent != null && parent.getFileName() != null ? parent.getFileName().toString()
                : modelFile.getFileName().toString();
    }

    /** @return the number of interpreter threads to use, 1..64 */
    public int effectiveThreads() {
        return threads > 0 ? threads : Math.min(64, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param other other settings
     * @return true when both load the same model the same way, i.e. they differ at most in the score threshold
     */
    public boolean sameModelAs(DetectorSettings other) {
        return modelFile.equals(other.modelFile) && Objects.equals(labelsFile, other.labelsFile)
                && Objects.equals(effectiveName(), other.effectiveName()) && threads == other.threads
                && Float.compare(inputMean, other.inputMean) == 0 && Float.compare(inputStd, other.inputStd) == 0
                && xnnpack == other.xnnpack;
    }
}
