package org.bakusoku.relay.pi4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bakusoku.relay.ConfigProblem;
import org.bakusoku.relay.RelayCause;
import org.bakusoku.relay.RelayController;
import org.bakusoku.relay.RelayEvent;
import org.bakusoku.relay.RelayState;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay controller's logic, free of OSGi: relays on {@link OutputLines}, deadlines (pulse ends,
 * maximum on-times) on a {@link Scheduler}, transitions kept and posted by a {@link TransitionLog}.
 *
 * <p>Deadlines live in the relays, not in one timer per pulse: a single sweep applies every deadline that
 * is due and schedules itself for the next one, so a timer task that failed cannot leave a relay on (the
 * next command or deadline sweeps it). All state sits behind one lock, held only for line writes and
 * event posts, both non-blocking. The board owns neither the lines nor the scheduler.
 */
public final class RelayBoard implements RelayController, RelayRegistry, AutoCloseable {

    /** Longest pulse, milliseconds (one hour), as the {@link RelayController#pulse} contract says. */
    public static final long MAX_PULSE_MS = 3_600_000L;

    private static final Logger LOG = LoggerFactory.getLogger(RelayBoard.class);

    private final OutputLines lines;
    private final boolean ownsLines;
    private final Scheduler clock;
    private final TransitionLog log;
    private final RelaySwitch switcher;
    private final ConfigProblems problems = new ConfigProblems();
    private final Object lock = new Object();
    /** By id, so that {@link #relays()} comes out ordered by id. */
    private final Map<String, Relay> relays = new TreeMap<>();
    private Scheduler.Cancellable sweepTimer;
    private long sweepAtMs = Relay.NEVER;

    /**
     * @param lines GPIO output lines (Pi4J gpiod or mock)
     * @param clock clocks and the timer thread
     * @param log   keeps and posts transitions
     */
    RelayBoard(OutputLines lines, Scheduler clock, TransitionLog log) {
        this(lines, false, clock, log);
    }

    private RelayBoard(OutputLines lines, boolean ownsLines, Scheduler clock, TransitionLog log) {
        this.lines = lines;
        this.ownsLines = ownsLines;
        this.clock = clock;
        this.log = log;
        this.switcher = new RelaySwitch(clock, log);
    }

    /**
     * The off-Pi twin on its own Pi4J mock lines, which {@link #close()} shuts down: for tools and for
     * tests of other modules (detections in, pin levels out).
     *
     * @param clock  clocks and timers
     * @param events where transitions are posted
     * @return an empty board; add relays with {@link #attach}
     */
    public static RelayBoard onMockLines(Scheduler clock, EventAdmin events) {
        return new RelayBoard(Pi4jOutputLines.mock("mock (twin)"), true, clock, new TransitionLog(events));
    }

    /**
     * @param id relay id
     * @return the level the relay's line reads back now: true = high (3.3 V), whatever active-low says
     * @throws IllegalArgumentException if no relay has that id
     */
    public boolean lineHigh(String id) {
        synchronized (lock) {
            return require(id).line().readBack();
        }
    }

    @Override
    public boolean attach(String pid, RelayConfig config) {
        synchronized (lock) {
            for (Relay existing : relays.values()) {
                RelayConfig other = existing.config();
                if (other.id().equals(config.id())) {
                    return refuse(pid, config, "id '" + config.id() + "' is already used by relay " + other.label());
                }
                if (other.bcmPin() == config.bcmPin()) {
                    return refuse(pid, config, "BCM " + config.bcmPin() + " is already used by relay " + other.label());
                }
            }
            boolean safeHigh = config.lineHigh(config.safeState());
            OutputLines.Line line;
            try {
                line = lines.open(config.id(), config.name(), config.bcmPin(), safeHigh);
            } catch (RuntimeException e) {
                return refuse(pid, config, "cannot open the GPIO line: " + e.getMessage());
            }
            relays.put(config.id(), new Relay(config, line));
            problems.clear(pid);
            LOG.info("relay {} ready: {}, safe state {}, line {}, max on-time {}", config.label(),
                    config.activeLow() ? "active-low" : "active-high", Relay.word(config.safeState()),
                    safeHigh ? "HIGH" : "LOW", config.maxOnMs() == 0 ? "unlimited" : config.maxOnMs() + " ms");
            return true;
        }
    }

    private boolean refuse(String pid, RelayConfig config, String why) {
        LOG.error("relay {} rejected: {}", config.label(), why);
        problems.add(new ConfigProblem(pid, "relay " + config.id(), why, clock.epochMs()));
        return false;
    }

    @Override
    public void reject(String pid, String name, String message) {
        problems.add(new ConfigProblem(pid, name, message, clock.epochMs()));
    }

    @Override
    public void forget(String pid) {
        problems.clear(pid);
    }

    /** {@inheritDoc} Releases the relay's line. */
    @Override
    public void detach(String id, String reason) {
        synchronized (lock) {
            Relay relay = relays.remove(id);
            if (relay != null) {
                release(relay, reason);
                scheduleSweep();
            }
        }
    }

    /** Puts every relay in its safe state and releases every line; the board stays empty afterwards. */
    @Override
    public void close() {
        close("safe state: relay controller stopped");
    }

    /** @param reason why, for the log and the events, e.g. {@code "safe state: JVM shutting down"} */
    public void close(String reason) {
        synchronized (lock) {
            relays.values().forEach(relay -> release(relay, reason));
            relays.clear();
            scheduleSweep();
        }
        if (ownsLines) {
            lines.close();
        }
    }

    /**
     * Puts every relay in its safe state without removing it (a pipeline stall); rules may drive them
     * again afterwards.
     *
     * @param reason why, for the log and the events
     */
    public void safeAll(String reason) {
        synchronized (lock) {
            for (Relay relay : relays.values()) {
                relay.stopPulse();
                transition(relay, relay.config().safeState(), RelayCause.of(reason));
            }
            scheduleSweep();
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
        set(id, on, RelayCause.of(reason));
    }

    @Override
    public void set(String id, boolean on, RelayCause cause) {
        synchronized (lock) {
            Relay relay = require(id);
            if (on != relay.config().safeState()) {
                requireArmed(relay);
            }
            relay.stopPulse();
            transition(relay, on, cause);
            scheduleSweep();
        }
    }

    @Override
    public void pulse(String id, long durationMs, String reason) {
        pulse(id, durationMs, RelayCause.of(reason));
    }

    /**
     * {@inheritDoc}
     *
     * <p>A pulse never shortens a running one: the relay is released at the later of the two ends, so a
     * short rule cannot cut a long pulse started by another rule or the console. A pulse on a relay
     * switched on by {@link #set} releases it at the pulse's end. The maximum on-time cuts any pulse.
     */
    @Override
    public void pulse(String id, long durationMs, RelayCause cause) {
        if (durationMs < 1 || durationMs > MAX_PULSE_MS) {
            throw new IllegalArgumentException("pulse duration must be 1.." + MAX_PULSE_MS + " ms, got " + durationMs);
        }
        synchronized (lock) {
            Relay relay = require(id);
            requireArmed(relay);
            long endMs = clock.monotonicMs() + durationMs;
            if (relay.pulsing() && relay.pulseEndMs() >= endMs) {
                return;
            }
            relay.startPulse(endMs);
            transition(relay, true, cause);
            scheduleSweep();
        }
    }

    @Override
    public void reset(String id, String reason) {
        synchronized (lock) {
            Relay relay = require(id);
            relay.stopPulse();
            if (relay.lockedOut()) {
                relay.lockOut(false);
                LOG.info("relay {} re-armed: {}", relay.config().label(), reason);
            }
            transition(relay, relay.config().safeState(), RelayCause.of(reason));
            scheduleSweep();
        }
    }

    @Override
    public List<RelayEvent> events(int limit) {
        return log.recent(limit);
    }

    @Override
    public List<ConfigProblem> problems() {
        return problems.list();
    }

    @Override
    public String gpio() {
        return lines.description();
    }

    /** Runs on the timer thread: applies every due deadline, then waits for the next one. */
    private void sweep() {
        synchronized (lock) {
            sweepTimer = null;
            sweepAtMs = Relay.NEVER;
            long now = clock.monotonicMs();
            try {
                for (Relay relay : relays.values()) {
                    if (relay.pulsing() && relay.pulseEndMs() <= now) {
                        relay.stopPulse();
                        transition(relay, false, RelayCause.of("pulse ended"));
                    }
                    if (relay.maxOnDeadlineMs() <= now) {
                        relay.stopPulse();
                        relay.lockOut(true);
                        transition(relay, relay.config().safeState(), RelayCause.of("safe state: out of it for "
                                + relay.config().maxOnMs() + " ms, the relay's max.on.ms; locked out until reset"));
                    }
                }
            } finally {
                scheduleSweep();
            }
        }
    }

    /** Keeps exactly one sweep scheduled, at the earliest deadline of any relay (none if there is none). */
    private void scheduleSweep() {
        long next = relays.values().stream().mapToLong(Relay::nextDeadlineMs).min().orElse(Relay.NEVER);
        if (next == sweepAtMs) {
            return;
        }
        if (sweepTimer != null) {
            sweepTimer.cancel();
            sweepTimer = null;
        }
        sweepAtMs = next;
        if (next != Relay.NEVER) {
            sweepTimer = clock.schedule(this::sweep, Math.max(0, next - clock.monotonicMs()));
        }
    }

    private void release(Relay relay, String reason) {
        relay.stopPulse();
        transition(relay, relay.config().safeState(), RelayCause.of(reason));
        relay.line().release();
    }

    private Relay require(String id) {
        Relay relay = relays.get(id);
        if (relay == null) {
            throw new IllegalArgumentException("no relay has id '" + id + "'; configured: " + relays.keySet());
        }
        return relay;
    }

    private static void requireArmed(Relay relay) {
        if (relay.lockedOut()) {
            throw new IllegalStateException("relay " + relay.config().label() + " is locked out after its max.on.ms ("
                    + relay.config().maxOnMs() + " ms); reset it to re-arm");
        }
    }

    private void transition(Relay relay, boolean target, RelayCause cause) {
        switcher.drive(relay, target, cause);
    }
}
