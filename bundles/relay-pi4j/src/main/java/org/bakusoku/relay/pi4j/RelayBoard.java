package org.bakusoku.relay.pi4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bakusoku.relay.RelayController;
import org.bakusoku.relay.RelayState;
import org.bakusoku.relay.RelayTopics;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;

/**
 * The relay controller's logic, free of OSGi: relays on Pi4J {@link DigitalOutput}s of one Pi4J
 * {@link Context}, pulse timers on a {@link Scheduler}, transitions posted on {@link RelayTopics#CHANGED}.
 *
 * <p>All state sits behind one lock: callers (event handlers, HTTP threads, the timer thread) hold it
 * only for a GPIO write and an event post, both non-blocking. The board does not own the Pi4J context
 * or the scheduler; whoever created them shuts them down after {@link #close()}.
 */
public final class RelayBoard implements RelayController, RelayRegistry, AutoCloseable {

    /** Longest pulse, milliseconds (one hour), as the {@link RelayController#pulse} contract says. */
    public static final long MAX_PULSE_MS = 3_600_000L;

    private static final Logger LOG = LoggerFactory.getLogger(RelayBoard.class);

    private final Context gpio;
    private final Scheduler scheduler;
    private final EventAdmin events;
    private final Object lock = new Object();
    /** By id, so that {@link #relays()} comes out ordered by id. */
    private final Map<String, Relay> relays = new TreeMap<>();

    /**
     * @param gpio      Pi4J context with a digital output provider (mock or a real one)
     * @param scheduler clocks and the timer thread
     * @param events    where transitions are posted
     */
    public RelayBoard(Context gpio, Scheduler scheduler, EventAdmin events) {
        this.gpio = gpio;
        this.scheduler = scheduler;
        this.events = events;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Opens the relay's line at its safe state's level. A relay whose id or BCM pin is already in use,
     * or whose line cannot be opened, is rejected with a log line giving the reason.
     */
    @Override
    public boolean attach(RelayConfig config) {
        synchronized (lock) {
            for (Relay existing : relays.values()) {
                RelayConfig other = existing.config();
                if (other.id().equals(config.id())) {
                    LOG.error("relay {} rejected: id '{}' is already used by relay {}", config.label(), config.id(),
                            other.label());
                    return false;
                }
                if (other.bcmPin() == config.bcmPin()) {
                    LOG.error("relay {} rejected: BCM {} is already used by relay {}", config.label(), config.bcmPin(),
                            other.label());
                    return false;
                }
            }
            DigitalState safeLevel = DigitalState.getState(config.lineHigh(config.safeState()));
            DigitalOutput line;
            try {
                line = gpio.create(DigitalOutput.newConfigBuilder(gpio)
                        .id("relay-" + config.id())
                        .name(config.name())
                        .address(config.bcmPin())
                        .initial(safeLevel)
                        // Pi4J applies this level when the line is released or the context shuts down.
                        .shutdown(safeLevel)
                        .build());
            } catch (RuntimeException e) {
                LOG.error("relay {} rejected: cannot open the GPIO line: {}", config.label(), e.toString());
                return false;
            }
            relays.put(config.id(), new Relay(config, line));
            LOG.info("relay {} ready: {}, safe state {}, line {}", config.label(),
                    config.activeLow() ? "active-low" : "active-high", Relay.word(config.safeState()), safeLevel);
            return true;
        }
    }

    /** {@inheritDoc} Releases the relay's line. */
    @Override
    public void detach(String id, String reason) {
        synchronized (lock) {
            Relay relay = relays.remove(id);
            if (relay != null) {
                release(relay, reason);
            }
        }
    }

    /** Puts every relay in its safe state and releases every line. The board stays empty afterwards. */
    @Override
    public void close() {
        synchronized (lock) {
            relays.values().forEach(relay -> release(relay, "safe state: relay controller stopped"));
            relays.clear();
        }
    }

    @Override
    public List<RelayState> relays() {
        synchronized (lock) {
            List<RelayState> states = new ArrayList<>(relays.size());
            relays.values().forEach(relay -> states.add(relay.snapshot()));
            return states;
        }
    }

    @Override
    public Optional<RelayState> state(String id) {
        synchronized (lock) {
            return Optional.ofNullable(relays.get(id)).map(Relay::snapshot);
        }
    }

    @Override
    public void set(String id, boolean on, String reason) {
        synchronized (lock) {
            Relay relay = require(id);
            relay.cancelPulse();
            transition(relay, on, reason);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A pulse never shortens a running one: the relay is released at the later of the two ends, so a
     * short rule cannot cut a long pulse started by another rule or the console. A pulse on a relay
     * switched on by {@link #set} releases it at the pulse's end.
     */
    @Override
    public void pulse(String id, long durationMs, String reason) {
        if (durationMs < 1 || durationMs > MAX_PULSE_MS) {
            throw new IllegalArgumentException("pulse duration must be 1.." + MAX_PULSE_MS + " ms, got " + durationMs);
        }
        synchronized (lock) {
            Relay relay = require(id);
            long endMs = scheduler.monotonicMs() + durationMs;
            if (relay.pulsing() && relay.pulseEndMs() >= endMs) {
                return;
            }
            relay.startPulse(endMs, scheduler.schedule(() -> endPulse(relay, endMs), durationMs));
            transition(relay, true, reason);
        }
    }

    /** Runs on the timer thread; a pulse that was extended, cancelled or detached meanwhile is left alone. */
    private void endPulse(Relay relay, long endMs) {
        synchronized (lock) {
            if (relays.get(relay.config().id()) != relay || !relay.pulsing() || relay.pulseEndMs() != endMs) {
                return;
            }
            relay.cancelPulse();
            transition(relay, false, "pulse ended");
        }
    }

    private void release(Relay relay, String reason) {
        relay.cancelPulse();
        transition(relay, relay.config().safeState(), reason);
        try {
            gpio.shutdown(relay.lineId());
        } catch (RuntimeException e) {
            LOG.error("relay {}: releasing the GPIO line failed: {}", relay.config().label(), e.toString());
        }
    }

    private Relay require(String id) {
        Relay relay = relays.get(id);
        if (relay == null) {
            throw new IllegalArgumentException("no relay has id '" + id + "'; configured: " + relays.keySet());
        }
        return relay;
    }

    private void transition(Relay relay, boolean on, String reason) {
        long now = scheduler.epochMs();
        if (!relay.drive(on, reason == null || reason.isBlank() ? "unspecified" : reason, now)) {
            return;
        }
        RelayState state = relay.snapshot();
        try {
            events.postEvent(new Event(RelayTopics.CHANGED, Map.of(
                    RelayTopics.ID, state.id(),
                    RelayTopics.ON, state.on(),
                    RelayTopics.BCM_PIN, state.bcmPin(),
                    RelayTopics.REASON, state.reason(),
                    RelayTopics.TIME, state.lastChangeMs())));
        } catch (RuntimeException e) {
            // EventAdmin may already be stopping at framework shutdown; the relay switched all the same.
            LOG.warn("relay {}: posting {} failed: {}", relay.config().label(), RelayTopics.CHANGED, e.toString());
        }
    }
}
