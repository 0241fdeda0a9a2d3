package org.bakusoku.frame;

/**
 * What a frame source is doing, as shown in the console and posted on {@link CameraTopics#STATE}.
 *
 * <p>Only {@link #STREAMING} means fresh frames arrive; every other state means the picture the detector sees
 * is stale or missing, so consumers that act on detections (relays) should go to their safe state.
 */
public enum CameraState {
    /** The source (decoder process, device, file) is being opened; no frame yet. */
    STARTING,
    /** Frames arrive. */
    STREAMING,
    /** The source delivered no frame for the configured stall time; it is about to be restarted. */
    STALLED,
    /** The source failed or stalled and is restarted after a back-off delay; the reason says why. */
    RETRYING,
    /** The source cannot work as configured (wrong credentials, decoder missing); it is not retried until the
     *  configuration changes; the reason says what to fix. */
    FAILED,
    /** The source was stopped (configuration removed, bundle stopping) or, for a file, ended without looping. */
    STOPPED
}
