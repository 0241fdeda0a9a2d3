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
import org.bakusoku.detect.PreparedInput;
import org.bakusoku.detect.Timings;
import org.bakusoku.frame.Frame;
import org.bakusoku.model.ModelInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Detector} on one loaded TFLite SSD model: encode the frame for the input tensor, invoke, decode the
 * outputs (the post-process op's four, or raw SSD outputs with anchors).
 *
 * <p>Two ways to run: {@link #detect(Frame)} encodes on the calling thread; {@link #prepare(Frame, PreparedInput)}
 * encodes on a preprocessing thread and {@link #detect(PreparedInput)} then only copies the bytes into the tensor,
 * invokes and decodes. {@code detect} is for one thread at a time and must not overlap {@link #close()};
 * {@code prepare} may run concurrently on one other thread (it never touches natives); {@link #model()} and
 * {@link #scoreThreshold(float)} may be called from any thread. Buffers are allocated once per model.
 */
public final class TfliteDetector implements Detector, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TfliteDetector.class);

    private final TfliteModel model;
    private final ModelInfo info;
    private final InputLayout layout;
    private final InputEncoder directEncoder;
    private final InputEncoder prepareEncoder;
    private final OutputDecoder decoder;
    private volatile float scoreThreshold;
    private ThreadCheck threadCheck;

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
        this.layout = new InputLayout(model.spec().input(), inputMean, inputStd);
        this.directEncoder = new InputEncoder(model.spec().input(), inputMean, inputStd);
        this.prepareEncoder = new InputEncoder(model.spec().input(), inputMean, inputStd);
        this.decoder = OutputDecoder.of(model.spec(), labels);
        this.scoreThreshold = scoreThreshold;
    }

    /**
     * Loads the model with the system CPU clock for the thread self-check.
     *
     * @param settings validated settings
     * @return a ready detector; the caller closes it
     * @throws DetectorException as {@link #open(DetectorSettings, CpuClock)}
     */
    public static TfliteDetector open(DetectorSettings settings) throws DetectorException {
        return open(settings, CpuClock.system());
    }

    /**
     * Loads the model, its labels, its manifest ({@value DetectorManifest#FILE_NAME} beside it: input mean/std there
     * win over the settings) and its hash; with more than one thread, runs the {@link ThreadCheck} and warns when
     * the threads are not in effect; logs one line describing what was loaded.
     *
     * @param settings validated settings
     * @param clock    the clock of the thread self-check
     * @return a ready detector; the caller closes it
     * @throws DetectorException if the model, its manifest or the configured label file cannot be loaded, or the
     *                           model is not a supported detection model; no natives stay allocated in that case
     */
    public static TfliteDetector open(DetectorSettings settings, CpuClock clock) throws DetectorException {
        long start = System.nanoTime();
        Path file = settings.modelFile();
        String sha256 = sha256(file);
        Labels labels = labels(settings);
        DetectorManifest manifest = DetectorManifest.beside(file);
        float mean = manifest != null && manifest.inputMean() != null ? manifest.inputMean() : settings.inputMean();
        float std = manifest != null && manifest.inputStd() != null ? manifest.inputStd() : settings.inputStd();
        int threads = settings.effectiveThreads();
        TfliteModel model = TfliteModel.load(file, threads, settings.xnnpack(), manifest);
        TfliteDetector detector = new TfliteDetector(model, ModelInfo.of(settings.effectiveName(), sha256), labels,
                mean, std, settings.scoreThreshold());
        try {
            if (threads > 1) {
                model.invoke(); // warm-up: the first run allocates scratch buffers and packs weights
                detector.threadCheck = ThreadCheck.measure(threads, clock, model::invoke, ThreadCheck.INVOKES);
            }
        } catch (DetectorException | RuntimeException e) {
            detector.close();
            throw e;
        }
        ModelInfo info = detector.info;
        LOG.info("Loaded model {} (sha256 {}) from {}: input {}{}, {}, up to {} detections, {} labels, {}, {} threads,"
                + " score threshold {}, {} ms", info.name(), info.id(), file, model.spec().input(),
                model.spec().input().type() == TensorType.UINT8 ? "" : " mean " + mean + " std " + std,
                model.spec().outputs() instanceof RawSsdOutputs raw ? "raw SSD outputs, " + raw.anchors()
                        + " anchors decoded in Java" : "post-process op outputs",
                model.spec().outputs().maxDetections(), labels.size(), model.delegation().describe(), threads,
                settings.scoreThreshold(), Math.round((System.nanoTime() - start) / 1e6));
        if (detector.threadCheck != null) {
            if (detector.threadCheck.ineffective()) {
                LOG.warn("Model {}: {}", info.name(), detector.threadCheck.describe());
            } else {
                LOG.info("Model {}: {}", info.name(), detector.threadCheck.describe());
            }
        }
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
        checkOpen();
        if (model.spec().input().type() == TensorType.FLOAT32) {
            directEncoder.encode(frame.rgb(), frame.width(), frame.height(), model.inputFloats());
        } else {
            directEncoder.encode(frame.rgb(), frame.width(), frame.height(), model.inputBytes());
        }
        long encoded = System.nanoTime();
        return run(frame, (encoded - start) / 1e6, start, encoded);
    }

    /**
     * Encodes the frame for this model's input (half-pixel bilinear resize, quantization or normalization) into
     * {@code into}; touches no natives, so it may run while another thread is in {@link #detect(PreparedInput)}.
     *
     * @param frame an RGB frame of any size
     * @param into  the reusable buffer
     */
    @Override
    public void prepare(Frame frame, PreparedInput into) {
        long start = System.nanoTime();
        synchronized (prepareEncoder) {
            if (layout.spec().type() == TensorType.FLOAT32) {
                prepareEncoder.encode(frame.rgb(), frame.width(), frame.height(),
                        into.floatBuffer(layout.spec().elementCount()));
            } else {
                prepareEncoder.encode(frame.rgb(), frame.width(), frame.height(), into.buffer(layout.byteCount()));
            }
        }
        into.prepared(frame, layout, start, (System.nanoTime() - start) / 1e6);
    }

    /**
     * {@inheritDoc} Here: one bulk copy into the input tensor, {@code Invoke()}, reading the outputs and decoding.
     * {@code timings.totalMs} covers this call only; preprocessing ran before, on the preparing thread.
     *
     * @throws DetectorException also when this detector is closed
     */
    @Override
    public DetectionResult detect(PreparedInput input) throws DetectorException {
        if (input.frame() == null) {
            throw new DetectorException("no frame was prepared");
        }
        if (!layout.equals(input.layout())) {
            return detect(input.frame()); // prepared for another model (swapped in between): encode here, once
        }
        long start = System.nanoTime();
        checkOpen();
        model.copyInput(input.bytes());
        return run(input.frame(), input.preprocessMs(), start, System.nanoTime());
    }

    private DetectionResult run(Frame frame, double preprocessMs, long start, long inputReady)
            throws DetectorException {
        model.invoke();
        long invoked = System.nanoTime();
        List<Detection> detections = decoder.decode(model, scoreThreshold);
        long done = System.nanoTime();
        return new DetectionResult(frame, info, detections,
                new Timings(preprocessMs, (invoked - inputReady) / 1e6, (done - start) / 1e6));
    }

    @Override
    public ModelInfo model() {
        return info;
    }

    /** @return the loaded model's input and output layout */
    public ModelSpec spec() {
        return model.spec();
    }

    /** @return how the input is encoded */
    public InputLayout layout() {
        return layout;
    }

    /** @return how many graph nodes the delegate took */
    public Delegation delegation() {
        return model.delegation();
    }

    /** @return the start-up thread self-check, or null when one thread is configured */
    public ThreadCheck threadCheck() {
        return threadCheck;
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

    private void checkOpen() throws DetectorException {
        if (model.isClosed()) {
            // The input buffers point into freed native memory once the model is closed.
            throw new DetectorException("detector is closed");
        }
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
