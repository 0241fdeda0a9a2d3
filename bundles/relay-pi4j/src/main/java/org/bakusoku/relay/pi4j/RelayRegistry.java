package org.bakusoku.relay.pi4j;

/**
 * Where each relay's configuration component adds its relay: a service of this bundle only (the
 * package is not exported), provided by {@link RelayControllerComponent}.
 */
public interface RelayRegistry {

    /**
     * @param pid    ConfigAdmin PID of the relay's configuration, for the console's problem list
     * @param config validated relay configuration
     * @return true if added; false if rejected (duplicate id or BCM pin, line unavailable), already logged
     *         and listed as a configuration problem
     */
    boolean attach(String pid, RelayConfig config);

    /**
     * Puts the relay in its safe state and frees its id and pin; unknown ids are ignored.
     *
     * @param id     relay id
     * @param reason why, for the log and the event
     */
    void detach(String id, String reason);

    /**
     * Lists a configuration whose values were refused (the relay it configured before, if any, stays).
     *
     * @param pid     ConfigAdmin PID
     * @param name    what it configures, e.g. {@code "relay siren"}
     * @param message why, naming the value and the accepted range
     */
    void reject(String pid, String name, String message);

    /** @param pid a configuration that was deleted: its problem, if any, goes away */
    void forget(String pid);
}
