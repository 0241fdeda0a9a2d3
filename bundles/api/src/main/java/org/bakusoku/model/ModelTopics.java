package org.bakusoku.model;

/**
 * EventAdmin topics and property keys of the model repository's events, posted asynchronously.
 */
public final class ModelTopics {

    /** A model was activated and the detector confirmed it on frames (or no frames are coming in). */
    public static final String ACTIVATED = "org/bakusoku/model/ACTIVATED";
    /** An install, validation or activation failed; {@link #REASON} says why. */
    public static final String FAILED = "org/bakusoku/model/FAILED";
    /** The previous model is active again, by request or because the new one failed; {@link #REASON} says why. */
    public static final String ROLLED_BACK = "org/bakusoku/model/ROLLED_BACK";

    /** Property: {@code String}, id of the model concerned (for ROLLED_BACK: the one active again). */
    public static final String MODEL_ID = "model.id";
    /** Property: {@code String}, its name. */
    public static final String MODEL_NAME = "model.name";
    /** Property: {@code String}, for ROLLED_BACK: the model that was replaced. */
    public static final String FROM_ID = "from.id";
    /** Property: {@code String}, why, in plain words. */
    public static final String REASON = "reason";
    /** Property: {@code Long}, when, epoch ms. */
    public static final String TIME = "time";

    private ModelTopics() {
    }
}
