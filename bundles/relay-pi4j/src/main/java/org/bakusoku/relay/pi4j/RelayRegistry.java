package org.bakusoku.relay.pi4j;

/**
 * Where each relay's configuration component adds its relay: a service of this bundle only (the
 * package is not exported), provided by {@link RelayControllerComponent}.
 */
public interface RelayRegistry {

    /**
     * @param config validated relay configuration
     * @return true if added; false if rejected (duplicate id or BCM pin, line unavailable), already logged
     */
    boolean attach(RelayConfig config);

    /**
     * Puts the relay in its safe state and frees its id and pin; unknown ids are ignored.
     *
     * @param id     relay id
     * @param reason why, for the log and the event
     */
    void detach(String id, String reason);
}
