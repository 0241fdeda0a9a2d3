package org.bakusoku.frame;

/**
 * EventAdmin topic and property keys of camera events. Events are posted asynchronously ({@code postEvent});
 * handlers must return within milliseconds.
 */
public final class CameraTopics {

    /**
     * Posted on every change of {@link CameraState}: STARTING, STREAMING, STALLED, RETRYING, FAILED, STOPPED.
     * A consumer that must not act on stale pictures (relays) treats every state but STREAMING as "no camera".
     */
    public static final String STATE = "org/bakusoku/camera/STATE";

    /** Property: {@code String}, the new {@link CameraState} name. */
    public static final String STATE_NAME = "state";
    /** Property: {@code String}, the previous {@link CameraState} name. */
    public static final String PREVIOUS = "previous";
    /** Property: {@code String}, why (see {@link FrameSourceStatus#reason()}); "" while streaming. */
    public static final String REASON = "reason";
    /** Property: {@code String}, source kind (see {@link FrameSourceStatus#source()}). */
    public static final String SOURCE = "source";
    /** Property: {@code String}, URL with any password masked. */
    public static final String URL = "url";
    /** Property: {@code Double}, frames received per second over the last few seconds. */
    public static final String CAPTURE_FPS = "capture.fps";
    /** Property: {@code Long}, instant of the change, epoch ms. */
    public static final String TIME = "time";

    private CameraTopics() {
    }
}
