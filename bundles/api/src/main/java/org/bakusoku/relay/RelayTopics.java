package org.bakusoku.relay;

/** EventAdmin topic and property keys of relay events. */
public final class RelayTopics {

    /** Posted after every relay transition. */
    public static final String CHANGED = "org/bakusoku/relay/CHANGED";

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

    private RelayTopics() {
    }
}
