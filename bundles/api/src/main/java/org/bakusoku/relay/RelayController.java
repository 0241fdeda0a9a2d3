package org.bakusoku.relay;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Switches the configured relays. Every transition is posted on {@link RelayTopics#CHANGED} and logged
 * with its reason.
 */
@ProviderType
public interface RelayController {

    /** @return all configured relays, ordered by id */
    List<RelayState> relays();

    /**
     * @param id relay id
     * @return the relay's state, or empty if no relay has that id
     */
    Optional<RelayState> state(String id);

    /**
     * Energizes or releases a relay until told otherwise (cancels a running pulse).
     *
     * @param id     relay id
     * @param on     true to energize
     * @param reason why, for the log and the console
     * @throws IllegalArgumentException if no relay has that id
     */
    void set(String id, boolean on, String reason);

    /**
     * Energizes a relay for a time, then releases it. A pulse on a relay already pulsing ends at the later
     * of the running pulse's end and {@code now + durationMs}: a re-pulse extends, it never shortens.
     *
     * @param id         relay id
     * @param durationMs how long to stay on, milliseconds, 1..3,600,000
     * @param reason     why, for the log and the console
     * @throws IllegalArgumentException if no relay has that id or the duration is out of range
     */
    void pulse(String id, long durationMs, String reason);
}
