package org.bakusoku.bench;

/**
 * Figures of the full pipeline (replay camera, preprocessing thread, inference thread) on one configuration.
 *
 * @param threads                interpreter threads
 * @param xnnpack                whether the XNNPACK delegate was offered
 * @param cameraFps              rate of the replay camera, frames per second
 * @param frames                 frames analysed in the measured window
 * @param fps                    throughput: frames analysed per second in the window
 * @param latencyMedianMs        median latency from the pipeline taking a frame to its detections, milliseconds
 * @param latencyP95Ms           95th percentile of that latency, milliseconds
 * @param captureLatencyMedianMs median latency from capture to detections (adds the frame's age when taken)
 * @param captureLatencyP95Ms    95th percentile of that latency, milliseconds
 * @param preprocessMedianMs     median preparation time (resize, encode) on the preprocessing thread
 * @param inferenceMedianMs      median time on the inference thread per frame (copy, invoke, decode)
 * @param inferenceBusy          share of the window the inference thread spent in {@code detect}, 0..1: what is
 *                               left is the pipeline's own overhead (hand-over, waiting for a prepared frame)
 * @param invokeMedianMs         median {@code Invoke()} time inside the pipeline, milliseconds: the same call as the
 *                               raw runs, timed under the pipeline's conditions (its other thread, the load then)
 */
public record PipelineStats(int threads, boolean xnnpack, double cameraFps, int frames, double fps,
        double latencyMedianMs, double latencyP95Ms, double captureLatencyMedianMs, double captureLatencyP95Ms,
        double preprocessMedianMs, double inferenceMedianMs, double inferenceBusy, double invokeMedianMs) {
}
