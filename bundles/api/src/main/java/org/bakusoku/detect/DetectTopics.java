package org.bakusoku.detect;

/**
 * EventAdmin topic and property keys of detection events. Events are posted asynchronously
 * ({@code postEvent}); handlers must return within milliseconds.
 */
public final class DetectTopics {

    /** Posted once per analysed frame, also when nothing was found. */
    public static final String DETECTED = "org/bakusoku/detect/DETECTED";

    /** Property: the {@link DetectionResult}. */
    public static final String RESULT = "result";
    /** Property: {@code String[]} of the detected labels, one per detection, in result order. */
    public static final String LABELS = "labels";
    /** Property: {@code String}, id of the model that ran ({@link org.bakusoku.model.ModelInfo#id()}). */
    public static final String MODEL_ID = "model.id";
    /** Property: {@code Long}, capture instant of the frame, epoch ms. */
    public static final String FRAME_TIME = "frame.time";
    /** Property: {@code Double}, frames analysed per second over the last few seconds. */
    public static final String FPS = "fps";

    private DetectTopics() {
    }
}
