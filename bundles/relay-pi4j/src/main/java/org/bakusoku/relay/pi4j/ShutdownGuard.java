package org.bakusoku.relay.pi4j;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM shutdown hook that puts every relay in its safe state when the process is told to end (SIGTERM
 * from systemd, Ctrl-C) even if the OSGi framework does not get to stop the relay bundle first: hooks run
 * concurrently and systemd kills the process after its stop timeout. Framework stop and hook both ending
 * in the safe state is harmless; the board's second close finds no relays.
 */
final class ShutdownGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownGuard.class);

    private final Thread hook;

    /**
     * Registers the hook.
     *
     * @param board the relays to make safe
     */
    ShutdownGuard(RelayBoard board) {
        hook = new Thread(() -> board.close("safe state: JVM shutting down (SIGTERM or exit)"),
                "bakusoku-relay-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @return the hook thread, so that tests can run it without ending the JVM */
    Thread hook() {
        return hook;
    }

    /** Unregisters the hook (bundle stop or update: the component puts the relays in their safe state itself). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            LOG.debug("JVM already shutting down; the hook runs");
        }
    }
}
