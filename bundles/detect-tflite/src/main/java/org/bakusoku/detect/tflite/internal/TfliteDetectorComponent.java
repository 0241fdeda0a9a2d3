package org.bakusoku.detect.tflite.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.Detector;
import org.bakusoku.detect.DetectorException;
import org.bakusoku.detect.PreparedInput;
import org.bakusoku.detect.tflite.DetectorSettings;
import org.bakusoku.detect.tflite.TfliteDetector;
import org.bakusoku.frame.Frame;
import org.bakusoku.model.ModelInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Detector} service on TensorFlow Lite, configured under PID {@value #PID}.
 *
 * <p>A thin wrapper around {@link TfliteDetector}: activation loads the model (a failure is thrown, so no broken
 * detector is registered); a change of the score threshold alone applies from the next frame; any other change
 * loads the new model first, swaps it in between two frames and then closes the old one, and keeps the old one
 * if the new one fails. A lock makes detection and swap/close exclusive; {@link #prepare(Frame, PreparedInput)}
 * runs outside it (it touches no natives), so a pipeline can preprocess the next frame during a detection.
 */
// REQUIRE: start from a real configuration (first-boot JSON, the image's, the console's), never from the
// annotation defaults, which name the repository's ../shared layout and fail on the SD-card image.
@Component(service = Detector.class, configurationPid = TfliteDetectorComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TfliteDetectorComponent.Config.class)
public final class TfliteDetectorComponent implements Detector {

    /** Configuration PID. */
    public static final String PID = "org.bakusoku.detect.tflite";

    private static final Logger LOG = LoggerFactory.getLogger(TfliteDetectorComponent.class);

    /** Detector configuration; attribute names carry their unit or range. */
    @ObjectClassDefinition(name = "Bakusoku TFLite detector",
            description = "Object detection with a TensorFlow Lite SSD model ending in TFLite_Detection_PostProcess.")
    public @interface Config {

        @AttributeDefinition(name = "Model file", description = "Path of the .tflite detection model, absolute or"
                + " relative to the working directory. Changing it loads the new model and swaps it in between two"
                + " frames; if it fails to load, the current model stays.")
        String model_path() default "../shared/models/ssd_mobilenet_v1_coco_quant/model.tflite";

        @AttributeDefinition(name = "Label file", required = false, description = "Path of the label file, one label"
                + " per line (a first line '???' is the background and shifts classes by one). Empty = labels.txt"
                + " beside the model.")
        String labels_path() default "";

        @AttributeDefinition(name = "Model name", required = false,
                description = "Name shown in the console and events. Empty = the model file's folder name.")
        String model_name() default "";

        @AttributeDefinition(name = "Threads", min = "0", max = "64",
                description = "TFLite interpreter threads, 1..64; 0 = one per CPU core.")
        int threads() default 0;

        @AttributeDefinition(name = "XNNPACK", description = "Offer the graph to TFLite's XNNPACK delegate (with"
                + " signed and unsigned 8-bit support); it takes the operators it can run faster and the built-in"
                + " kernels run the rest. The log says how many nodes it took. Off = built-in kernels only.")
        boolean xnnpack() default true;

        @AttributeDefinition(name = "Score threshold", min = "0", max = "1", description = "Minimum detection score,"
                + " 0..1. Applies from the next frame without reloading the model.")
        float score_threshold() default 0.5f;

        @AttributeDefinition(name = "Input mean", description = "For FLOAT32 and INT8 inputs: value subtracted from"
                + " each 0..255 pixel value before dividing by the input std. Default 127.5 (maps to -1..1).")
        float input_mean() default DetectorSettings.DEFAULT_MEAN;

        @AttributeDefinition(name = "Input std", description = "For FLOAT32 and INT8 inputs: divisor applied after"
                + " subtracting the mean; non-zero. Default 127.5.")
        float input_std() default DetectorSettings.DEFAULT_STD;
    }

    private final ReentrantLock lock = new ReentrantLock();
    /** Written only under {@link #lock}; volatile so that {@link #model()} can read it without the lock. */
    private volatile TfliteDetector current;
    /** Identity of the model in use, never null once activated. */
    private volatile ModelInfo model;
    /** The settings of {@link #current}; touched only by the DS callbacks, which SCR serializes. */
    private DetectorSettings settings;

    /**
     * Loads the configured model.
     *
     * @param config the configuration
     * @throws DetectorException if a value is invalid or the model cannot be loaded; the service is then not
     *                           registered
     */
    @Activate
    public TfliteDetectorComponent(Config config) throws DetectorException {
        try {
            this.settings = settings(config);
            this.current = TfliteDetector.open(settings);
            this.model = current.model();
        } catch (IllegalArgumentException | DetectorException e) {
            LOG.error("TFLite detector not started: {}", e.getMessage());
            throw e instanceof DetectorException d ? d : new DetectorException(e.getMessage(), e);
        }
    }

    /**
     * Applies a new configuration: the threshold live, anything else by loading and swapping the model.
     * A bad value or a model that fails to load is logged and the current detector keeps running unchanged.
     *
     * @param config the new configuration
     */
    @Modified
    void modified(Config config) {
        DetectorSettings next;
        try {
            next = settings(config);
        } catch (IllegalArgumentException e) {
            LOG.warn("Configuration rejected, keeping the current one: {}", e.getMessage());
            return;
        }
        if (next.sameModelAs(settings)) {
            if (next.scoreThreshold() != settings.scoreThreshold()) {
                current.scoreThreshold(next.scoreThreshold());
                LOG.info("Score threshold {} -> {}", settings.scoreThreshold(), next.scoreThreshold());
            }
            settings = next;
            return;
        }
        TfliteDetector fresh;
        try {
            fresh = TfliteDetector.open(next);
        } catch (DetectorException | RuntimeException e) {
            LOG.error("Model not changed, {} keeps running: {}", current.model().name(), e.getMessage());
            return;
        }
        TfliteDetector old = swap(fresh);
        settings = next;
        if (old != null) {
            LOG.info("Model swapped: {} ({}) -> {} ({})", old.model().name(), old.model().id(),
                    fresh.model().name(), fresh.model().id());
            old.close();
        }
    }

    /** Closes the model's natives once the frame in progress, if any, is done. */
    @Deactivate
    void deactivate() {
        TfliteDetector old = swap(null);
        if (old != null) {
            old.close();
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws DetectorException also when the component has been deactivated
     */
    @Override
    public DetectionResult detect(Frame frame) throws DetectorException {
        lock.lock();
        try {
            TfliteDetector detector = current;
            if (detector == null) {
                throw new DetectorException("detector is stopped");
            }
            return detector.detect(frame);
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@inheritDoc} Uses the current model's encoder without taking the detection lock.
     *
     * @throws DetectorException when the component has been deactivated
     */
    @Override
    public void prepare(Frame frame, PreparedInput into) throws DetectorException {
        TfliteDetector detector = current;
        if (detector == null) {
            throw new DetectorException("detector is stopped");
        }
        detector.prepare(frame, into);
    }

    /**
     * {@inheritDoc}
     *
     * @throws DetectorException also when the component has been deactivated
     */
    @Override
    public DetectionResult detect(PreparedInput input) throws DetectorException {
        lock.lock();
        try {
            TfliteDetector detector = current;
            if (detector == null) {
                throw new DetectorException("detector is stopped");
            }
            return detector.detect(input);
        } finally {
            lock.unlock();
        }
    }

    /** @return the model in use; after deactivation, the last one that was in use */
    @Override
    public ModelInfo model() {
        return model;
    }

    /** Replaces the current detector between two frames and returns the previous one, no longer in use. */
    private TfliteDetector swap(TfliteDetector next) {
        lock.lock();
        try {
            TfliteDetector old = current;
            current = next;
            if (next != null) {
                model = next.model();
            }
            return old;
        } finally {
            lock.unlock();
        }
    }

    private static DetectorSettings settings(Config config) {
        String labels = config.labels_path() == null ? "" : config.labels_path().strip();
        return new DetectorSettings(path("model.path", config.model_path()),
                labels.isEmpty() ? null : path("labels.path", labels), config.model_name(), config.threads(),
                config.score_threshold(), config.input_mean(), config.input_std(), config.xnnpack());
    }

    private static Path path(String attribute, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(attribute + " must not be empty");
        }
        try {
            return Path.of(value.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(attribute + " is not a valid path: " + e.getMessage(), e);
        }
    }
}
