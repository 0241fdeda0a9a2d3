package org.bakusoku.pipeline;

/**
 * The instants one frame passed through the pipeline, on the {@link System#nanoTime()} clock.
 *
 * @param captureNanos        capture by the frame source
 * @param prepareStartNanos   the preprocessing thread took the frame and started encoding it
 * @param inferenceStartNanos the inference thread took the prepared input
 * @param doneNanos           detections ready
 */
public record FrameTimeline(long captureNanos, long prepareStartNanos, long inferenceStartNanos, long doneNanos) {

    /** @return from taking the frame to detections ready (preparation, wait, inference), milliseconds */
    public double pipelineLatencyMs() {
        return (doneNanos - prepareStartNanos) / 1e6;
    }

    /** @return from capture to detections ready, including the frame's wait in the source, milliseconds */
    public double captureLatencyMs() {
        return (doneNanos - captureNanos) / 1e6;
    }
}
