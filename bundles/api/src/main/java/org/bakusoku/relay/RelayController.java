package org.bakusoku.relay;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Switches the configured relays. Every transition is posted on {@link RelayTopics#CHANGED}, logged with
 * its reason and kept in a transition log ({@link #events}).
 *
 * <p>Methods added after 0.1.0 have default implementations so that simple controllers (test doubles)
 * keep compiling; the real controller overrides all of them.
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
     * @throws IllegalStateException    if the relay is locked out after its maximum on-time and {@code on}
     *                                  would take it out of its safe state
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
     * @throws IllegalStateException    if the relay is locked out after its maximum on-time
     */
    void pulse(String id, long durationMs, String reason);

    /**
     * As {@link #set(String, boolean, String)}, naming the rule and detection behind the command.
     *
     * @param id    relay id
     * @param on    true to energize
     * @param cause why, with the rule and detection if a rule acted
     * @throws IllegalArgumentException if no relay has that id
     * @throws IllegalStateException    if the relay is locked out (see {@link #set(String, boolean, String)})
     * @since 0.2
     */
    default void set(String id, boolean on, RelayCause cause) {
        set(id, on, cause.reason());
    }

    /**
     * As {@link #pulse(String, long, String)}, naming the rule and detection behind the command.
     *
     * @param id         relay id
     * @param durationMs how long to stay on, milliseconds, 1..3,600,000
     * @param cause      why, with the rule and detection if a rule acted
     * @throws IllegalArgumentException if no relay has that id or the duration is out of range
     * @throws IllegalStateException    if the relay is locked out after its maximum on-time
     * @since 0.2
     */
    default void pulse(String id, long durationMs, RelayCause cause) {
        pulse(id, durationMs, cause.reason());
    }

    /**
     * Returns a relay to its safe state: cancels a running pulse, releases a latched relay and clears a
     * lock-out after the maximum on-time, so that rules may drive it again.
     *
     * @param id     relay id
     * @param reason why, for the log and the console
     * @throws IllegalArgumentException if no relay has that id
     * @since 0.2
     */
    default void reset(String id, String reason) {
        RelayState state = state(id).orElseThrow(() -> new IllegalArgumentException("no relay has id '" + id + "'"));
        set(id, state.safeState(), reason);
    }

    /**
     * @param limit most entries wanted, &ge; 1
     * @return the most recent transitions and faults, newest first, at most {@code limit} (the controller
     *         keeps a bounded number; the real one keeps 200)
     * @since 0.2
     */
    default List<RelayEvent> events(int limit) {
        return List.of();
    }

    /**
     * @return relay configurations refused since start (bad values, a BCM pin or id already in use, a line
     *         that could not be opened) and not fixed since, oldest first
     * @since 0.2
     */
    default List<ConfigProblem> problems() {
        return List.of();
    }

    /**
     * @return how the relays reach the hardware, in one line, e.g. {@code "gpiod: gpiochip4 (pinctrl-rp1),
     *         Raspberry Pi 5 Model B Rev 1.0"} or {@code "mock (no /proc/device-tree/model: not a Raspberry Pi)"};
     *         a GPIO fault at start reads {@code "unavailable: <reason>"}
     * @since 0.2
     */
    default String gpio() {
        return "unknown";
    }
}
