package org.bakusoku.detect.tflite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.Detector;
import org.bakusoku.detect.DetectorException;
import org.bakusoku.detect.Timings;
import org.bakusoku.frame.Frame;
import org.bakusoku.model.ModelInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Detector} on one loaded TFLite SSD model with the {@code TFLite_Detection_PostProcess} op:
 * resize and encode the frame into the input tensor, invoke, decode the four outputs.
 *
 * <p>{@link #detect(Frame)} is for one thread at a time and must not overlap {@link #close()};
 * {@link #model()} and {@link #scoreThreshold(float)} may be called from any thread. Buffers are allocated once
 * per model, not per frame.
 */
public final class TfliteDetector implements Detector, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TfliteDetector.class);

    private final TfliteModel model;
    private final ModelInfo info;
    private final InputEncoder encoder;
    private final DetectionDecoder decoder;
    private final float[] boxes;
    private final float[] classes;
    private final float[] scores;
    private volatile float scoreThreshold;

    /**
     * @param model          the loaded model; closed by {@link #close()}
     * @param info           its identity
     * @param labels         its labels
     * @param inputMean      see {@link InputEncoder}
     * @param inputStd       see {@link InputEncoder}
     * @param scoreThreshold minimum score 0..1
     */
    public TfliteDetector(TfliteModel model, ModelInfo info, Labels labels, float inputMean, float inputStd,
            float scoreThreshold) {
        this.model = model;
        this.info = info;
        this.encoder = new InputEncoder(model.spec().input(), inputMean, inputStd);
        this.decoder = new DetectionDecoder(labels);
        int n = model.spec().outputs().maxDetections();
        this.boxes = new float[4 * n];
        this.classes = new float[n];
        this.scores = new float[n];
        this.scoreThreshold = scoreThreshold;
    }

    /**
     * Loads the model, its labels and its hash, and logs one line describing what was loaded.
     *
     * @param settings validated settings
     * @return a ready detector; the caller closes it
     * @throws DetectorException if the model or the configured label file cannot be loaded, or the model is not a
     *                           supported detection model; no natives stay allocated in that case
     */
    public static TfliteDetector open(DetectorSettings settings) throws DetectorException {
        long start = System.nanoTime();
        Path file = settings.modelFile();
        String sha256 = sha256(file);
        Labels labels = labels(settings);
        int threads = settings.effectiveThreads();
        TfliteModel model = TfliteModel.load(file, threads);
        ModelInfo info = ModelInfo.of(settings.effectiveName(), sha256);
        TfliteDetector detector = new TfliteDetector(model, info, labels, settings.inputMean(), settings.inputStd(),
                settings.scoreThreshold());
        LOG.info("Loaded model {} (sha256 {}) from {}: input {}, up to {} detections, {} labels, {} threads,"
                + " score threshold {}, {} ms", info.name(), info.id(), file, model.spec().input(),
                model.spec().outputs().maxDetections(), labels.size(), threads, settings.scoreThreshold(),
                Math.round((System.nanoTime() - start) / 1e6));
        return detector;
    }

    /**
     * {@inheritDoc}
     *
     * @throws DetectorException also when this detector is closed
     */
    @Override
    public DetectionResult detect(Frame frame) throws DetectorException {
        long start = System.nanoTime();
        if (model.isClosed()) {
            // The input buffers point into freed native memory once the model is closed.
            throw new DetectorException("detector is closed");
        }
        if (model.spec().input().type() == TensorType.FLOAT32) {
            encoder.encode(frame.rgb(), frame.width(), frame.height(), model.inputFloats());
        } else {
            encoder.encode(frame.rgb(), frame.width(), frame.height(), model.inputBytes());
        }
        long encoded = System.nanoTime();
        model.invoke();
        long invoked = System.nanoTime();
        int count = model.readOutputs(boxes, classes, scores);
        List<Detection> detections = decoder.decode(boxes, classes, scores, count, scoreThreshold);
        long done = System.nanoTime();
        Timings timings = new Timings((encoded - start) / 1e6, (invoked - encoded) / 1e6, (done - start) / 1e6);
        return new DetectionResult(frame, info, detections, timings);
    }

    @Override
    public ModelInfo model() {
        return info;
    }

    /** @return the loaded model's input and output layout */
    public ModelSpec spec() {
        return model.spec();
    }

    /** @return the minimum score of returned detections, 0..1 */
    public float scoreThreshold() {
        return scoreThreshold;
    }

    /**
     * Changes the score threshold from the next frame on.
     *
     * @param threshold minimum score 0..1
     * @throws IllegalArgumentException if outside 0..1
     */
    public void scoreThreshold(float threshold) {
        if (!(threshold >= 0f && threshold <= 1f)) {
            throw new IllegalArgumentException("score threshold must be within 0..1, got " + threshold);
        }
        this.scoreThreshold = threshold;
    }

    /** Frees the model's natives; {@link #detect(Frame)} fails afterwards. */
    @Override
    public void close() {
        model.close();
    }

    private static Labels labels(DetectorSettings settings) throws DetectorException {
        Path file = settings.effectiveLabelsFile();
        if (settings.labelsFile() == null && !Files.exists(file)) {
            LOG.warn("No labels.txt beside {}: detections are labelled class-<index>", settings.modelFile());
            return Labels.none();
        }
        try {
            return Labels.read(file);
        } catch (IOException e) {
            throw new DetectorException("cannot read label file " + file + ": " + e, e);
        }
    }

    /** Lowercase hex SHA-256 of a file, 64 digits. */
    static String sha256(Path file) throws DetectorException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (NoSuchFileException e) {
            throw new DetectorException("model file not found: " + file, e);
        } catch (IOException e) {
            throw new DetectorException("cannot read model file " + file + ": " + e, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
