package org.bakusoku.detect;

import org.bakusoku.frame.Frame;
import org.bakusoku.model.ModelInfo;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds objects in frames with the active model.
 *
 * <p>{@link #detect(Frame)} is called from one pipeline thread at a time; implementations need not be
 * reentrant but must allow {@link #model()} from any thread.
 */
@ProviderType
public interface Detector {

    /**
     * Runs the active model on one frame.
     *
     * @param frame an RGB frame of any size; the detector scales it to the model's input size
     * @return detections with scores at or above the configured score threshold; {@code timings.totalMs}
     *         covers preprocessing, inference and decoding only (the pipeline adds queueing time)
     * @throws DetectorException if the model cannot run on this frame; the detector stays usable
     */
    DetectionResult detect(Frame frame) throws DetectorException;

    /** @return the model currently in use */
    ModelInfo model();
}
