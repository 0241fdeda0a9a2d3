package org.bakusoku.relay;

/** EventAdmin topics and property keys of relay events. Events are posted asynchronously ({@code postEvent}). */
public final class RelayTopics {

    /** Posted after every relay transition. */
    public static final String CHANGED = "org/bakusoku/relay/CHANGED";

    /**
     * Posted on a relay fault: a GPIO write failed, or the line read back another level than written.
     * Properties {@link #ID}, {@link #ON} (the logical state kept), {@link #BCM_PIN}, {@link #REASON}
     * (what went wrong), {@link #TIME}.
     */
    public static final String ERROR = "org/bakusoku/relay/ERROR";

    /** Property: {@code String}, relay id. */
    public static final String ID = "id";
    /** Property: {@code Boolean}, new logical state (true = energized). */
    public static final String ON = "on";
    /** Property: {@code Integer}, BCM pin. */
    public static final String BCM_PIN = "bcm.pin";
    /** Property: {@code String}, why it changed. */
    public static final String REASON = "reason";
    /** Property: {@code Long}, instant of the change, epoch ms. */
    public static final String TIME = "time";
    /** Property: {@code String}, name of the detection rule that caused the change; absent otherwise. */
    public static final String RULE = "rule";
    /** Property: {@link org.bakusoku.detect.Detection}, the detection that caused the change; absent otherwise. */
    public static final String DETECTION = "detection";

    private RelayTopics() {
    }
}
