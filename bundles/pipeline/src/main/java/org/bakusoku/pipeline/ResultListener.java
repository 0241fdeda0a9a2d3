package org.bakusoku.pipeline;

import org.bakusoku.detect.DetectionResult;

/** Receives every analysed frame, on the inference thread: must return within a millisecond or so. */
@FunctionalInterface
public interface ResultListener {

    /**
     * @param result   the detections; {@code timings.totalMs} is the latency from capture to detections ready
     * @param timeline the frame's instants through the pipeline
     * @param fps      frames analysed per second over the last {@value FpsMeter#WINDOW} frames
     */
    void accept(DetectionResult result, FrameTimeline timeline, double fps);
}
