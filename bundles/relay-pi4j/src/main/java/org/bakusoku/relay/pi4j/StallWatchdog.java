package org.bakusoku.relay.pi4j;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when the pipeline stops producing analysed frames (camera lost, detector stalled) and hands the
 * relays to their safe state: a relay a rule latched or follows must not stay on while nobody looks.
 *
 * <p>{@link #frame()} is called for every {@code org/bakusoku/detect/DETECTED} event and only records the
 * time; one timer per timeout period checks it. The watchdog arms at the first frame: before it, the relays
 * are in their safe state anyway and the detector may still be loading its model. Thread-safe.
 */
final class StallWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StallWatchdog.class);

    private final Scheduler clock;
    private final long timeoutMs;
    private final Consumer<String> goSafe;
    private long lastFrameMs;
    private boolean armed;
    private boolean stalled;
    private Scheduler.Cancellable timer;

    /**
     * @param clock     monotonic clock and timer
     * @param timeoutMs longest gap between two analysed frames, milliseconds; 0 disables the watchdog
     * @param goSafe    called once per stall, on the timer thread, with the reason for the relays
     */
    StallWatchdog(Scheduler clock, long timeoutMs, Consumer<String> goSafe) {
        this.clock = clock;
        this.timeoutMs = timeoutMs;
        this.goSafe = goSafe;
    }

    /** Records an analysed frame; the first arms the watchdog, one after a stall ends the stall. */
    synchronized void frame() {
        if (timeoutMs == 0) {
            return;
        }
        lastFrameMs = clock.monotonicMs();
        if (stalled) {
            stalled = false;
            LOG.info("pipeline analyses frames again: rules drive the relays again");
        }
        if (!armed) {
            armed = true;
            timer = clock.schedule(this::check, timeoutMs);
        }
    }

    /** @return true between a stall and the next frame */
    synchronized boolean stalled() {
        return stalled;
    }

    private void check() {
        String reason;
        synchronized (this) {
            if (!armed) {
                return;
            }
            long silentMs = clock.monotonicMs() - lastFrameMs;
            if (silentMs < timeoutMs) {
                timer = clock.schedule(this::check, timeoutMs - silentMs);
                return;
            }
            armed = false;
            timer = null;
            stalled = true;
            reason = "safe state: no frame analysed for " + silentMs + " ms (stall.timeout.ms " + timeoutMs
                    + "): camera lost or detector stalled";
        }
        LOG.warn("pipeline stalled: {}", reason);
        // Outside the watchdog's lock: the board takes its own lock and posts events.
        goSafe.accept(reason);
    }

    /** Stops the timer. */
    @Override
    public synchronized void close() {
        armed = false;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
