package org.bakusoku.detect;

import org.bakusoku.frame.Frame;
import org.bakusoku.model.ModelInfo;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds objects in frames with the active model.
 *
 * <p>{@link #detect(Frame)} and {@link #detect(PreparedInput)} are called from one pipeline thread at a time;
 * implementations need not be reentrant but must allow {@link #model()} from any thread, and
 * {@link #prepare(Frame, PreparedInput)} from one other thread while a detection runs (that is what lets a pipeline
 * preprocess frame N+1 while the model runs on frame N).
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

    /**
     * Converts a frame into the active model's input layout (resize, colour conversion, quantization) without
     * running the model. Safe to call on one thread while another thread runs a detection; never touches the
     * model's native state.
     *
     * <p>The default stores the frame only, so {@link #detect(PreparedInput)} falls back to {@link #detect(Frame)}.
     *
     * @param frame an RGB frame of any size
     * @param into  receives the encoded input; its buffer is grown if needed, otherwise reused
     * @throws DetectorException if the frame cannot be converted; {@code into} then holds no usable input
     */
    default void prepare(Frame frame, PreparedInput into) throws DetectorException {
        into.prepared(frame, null, System.nanoTime(), 0.0);
    }

    /**
     * Runs the active model on an input prepared by {@link #prepare(Frame, PreparedInput)}: copy into the input
     * tensor, inference, decoding. If the input was prepared for another layout (the model was swapped in between),
     * the detector prepares {@link PreparedInput#frame()} again first.
     *
     * @param input a prepared input
     * @return as {@link #detect(Frame)}; {@code timings.preprocessMs} is the preparation time recorded in
     *         {@code input}
     * @throws DetectorException if nothing was prepared or the model cannot run; the detector stays usable
     */
    default DetectionResult detect(PreparedInput input) throws DetectorException {
        if (input.frame() == null) {
            throw new DetectorException("no frame was prepared");
        }
        return detect(input.frame());
    }
}
