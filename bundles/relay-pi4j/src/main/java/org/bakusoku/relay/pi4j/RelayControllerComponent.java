package org.bakusoku.relay.pi4j;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

import org.bakusoku.detect.DetectTopics;
import org.bakusoku.relay.ConfigProblem;
import org.bakusoku.relay.RelayCause;
import org.bakusoku.relay.RelayController;
import org.bakusoku.relay.RelayEvent;
import org.bakusoku.relay.RelayState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pi4j.boardinfo.util.BoardInfoHelper;

/**
 * The {@link RelayController} service: a thin DS wrapper around a {@link RelayBoard} on GPIO lines chosen
 * by {@link GpioChoice}, its timer thread, a {@link StallWatchdog} fed by {@link DetectTopics#DETECTED}
 * events and a {@link ShutdownGuard}. Relays arrive through {@link RelayRegistry} from
 * {@link RelayComponent}s, one per factory configuration {@code org.bakusoku.relay}. Configuration PID
 * {@value #PID} is optional; changing it restarts the controller (relays pass through their safe state).
 */
@Component(configurationPid = RelayControllerComponent.PID,
        service = { RelayController.class, RelayRegistry.class, EventHandler.class })
@EventTopics(DetectTopics.DETECTED)
@Designate(ocd = RelayControllerComponent.Config.class)
public final class RelayControllerComponent implements RelayController, RelayRegistry, EventHandler {

    /** Configuration PID of the controller. */
    public static final String PID = "org.bakusoku.relay.controller";
    /** System property: root of /proc, /sys and /dev, so that tests and tools can fake a board. */
    public static final String SYSROOT = "bakusoku.sysroot";
    /** Default {@code stall.timeout.ms}. */
    static final long DEFAULT_STALL_MS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(RelayControllerComponent.class);

    /** Controller settings; changing them restarts the controller (all relays pass through their safe state). */
    @ObjectClassDefinition(name = "Bakusoku relay controller",
            description = "Drives the relay outputs through Pi4J 2. Relays themselves are factory configurations"
                    + " 'Bakusoku relay' (org.bakusoku.relay).")
    @interface Config {
        @AttributeDefinition(name = "GPIO provider",
                description = "auto: Pi4J gpiod on a Raspberry Pi 4/5 (chosen from /proc/device-tree/model), the"
                        + " in-memory mock elsewhere; gpiod: real lines, an error anywhere else; mock: in-memory"
                        + " lines (no relay hardware is switched).",
                options = { @Option(label = "auto (gpiod on a Raspberry Pi, mock elsewhere)", value = GpioChoice.AUTO),
                        @Option(label = "gpiod (Linux GPIO character device)", value = GpioChoice.GPIOD),
                        @Option(label = "mock (in-memory lines)", value = GpioChoice.MOCK) })
        String gpio_provider() default GpioChoice.AUTO;

        @AttributeDefinition(name = "Stall timeout (ms)",
                description = "When no frame has been analysed for this long (camera lost, detector stalled), every"
                        + " relay goes to its safe state. Milliseconds, 500..3600000; 0 disables the check.",
                min = "0", max = "3600000")
        long stall_timeout_ms() default DEFAULT_STALL_MS;
    }

    private final Scheduler scheduler;
    private final OutputLines lines;
    private final RelayBoard board;
    private final StallWatchdog watchdog;
    private final ShutdownGuard guard;

    /**
     * @param config controller settings
     * @param events EventAdmin that receives {@code org/bakusoku/relay/CHANGED} and {@code ERROR}
     */
    @Activate
    public RelayControllerComponent(Config config, @Reference(name = "events") EventAdmin events) {
        this(config, events, Paths.get(System.getProperty(SYSROOT, "/")), new ThreadScheduler("bakusoku-relay-timer"));
    }

    /**
     * @param config    controller settings
     * @param events    event sink
     * @param sysroot   root of /proc, /sys and /dev
     * @param scheduler clocks and timers; closed on deactivation
     */
    RelayControllerComponent(Config config, EventAdmin events, Path sysroot, Scheduler scheduler) {
        this.scheduler = scheduler;
        lines = openLines(config.gpio_provider(), sysroot);
        board = new RelayBoard(lines, scheduler, new TransitionLog(events));
        watchdog = new StallWatchdog(scheduler, stallTimeout(config.stall_timeout_ms()), board::safeAll);
        guard = new ShutdownGuard(board);
        LOG.info("relay controller started on {}", lines.description());
    }

    /** Every relay to its safe state, then the watchdog, the timer thread and the GPIO provider stop. */
    @Deactivate
    void deactivate() {
        guard.close();
        watchdog.close();
        board.close();
        scheduler.close();
        lines.close();
        LOG.info("relay controller stopped");
    }

    /** @return the shutdown hook, for tests */
    Thread shutdownHook() {
        return guard.hook();
    }

    static OutputLines openLines(String provider, Path sysroot) {
        GpioChoice choice;
        try {
            choice = GpioChoice.choose(provider, sysroot);
        } catch (IllegalArgumentException e) {
            LOG.error("{}; using {}", e.getMessage(), GpioChoice.AUTO);
            return openLines(GpioChoice.AUTO, sysroot);
        } catch (IllegalStateException e) {
            LOG.error("relay GPIO unavailable, every relay is refused: {}", e.getMessage());
            return new UnavailableLines(e.getMessage());
        }
        if (!choice.gpiod()) {
            return Pi4jOutputLines.mock(choice.description());
        }
        if (!BoardInfoHelper.runningOnRaspberryPi()) {
            // pi4j-library-gpiod then skips loading its natives and opening the chip, with a mere warning.
            String reason = "Pi4J 2.8.0 does not recognise this board (" + choice.description()
                    + ") and would switch nothing; a newer Pi4J is needed for it";
            LOG.error("relay GPIO unavailable, every relay is refused: {}", reason);
            return new UnavailableLines(reason);
        }
        try {
            return Pi4jOutputLines.gpiod(choice.description());
        } catch (RuntimeException | LinkageError e) {
            String reason = "Pi4J gpiod provider failed to start on " + choice.description() + ": " + e;
            LOG.error("relay GPIO unavailable, every relay is refused: {}", reason);
            return new UnavailableLines(reason);
        }
    }

    private static long stallTimeout(long configured) {
        if (configured == 0 || (configured >= 500 && configured <= 3_600_000)) {
            return configured;
        }
        LOG.error("stall.timeout.ms must be 0 (off) or 500..3600000, got {}; using {}", configured, DEFAULT_STALL_MS);
        return DEFAULT_STALL_MS;
    }

    /** Feeds the stall watchdog; returns at once (EventAdmin blacklists slow handlers). */
    @Override
    public void handleEvent(Event event) {
        watchdog.frame();
    }

    @Override
    public boolean attach(String pid, RelayConfig config) {
        return board.attach(pid, config);
    }

    @Override
    public void detach(String id, String reason) {
        board.detach(id, reason);
    }

    @Override
    public void reject(String pid, String name, String message) {
        board.reject(pid, name, message);
    }

    @Override
    public void forget(String pid) {
        board.forget(pid);
    }

    @Override
    public List<RelayState> relays() {
        return board.relays();
    }

    @Override
    public Optional<RelayState> state(String id) {
        return board.state(id);
    }

    @Override
    public void set(String id, boolean on, String reason) {
        board.set(id, on, reason);
    }

    @Override
    public void set(String id, boolean on, RelayCause cause) {
        board.set(id, on, cause);
    }

    @Override
    public void pulse(String id, long durationMs, String reason) {
        board.pulse(id, durationMs, reason);
    }

    @Override
    public void pulse(String id, long durationMs, RelayCause cause) {
        board.pulse(id, durationMs, cause);
    }

    @Override
    public void reset(String id, String reason) {
        board.reset(id, reason);
    }

    @Override
    public List<RelayEvent> events(int limit) {
        return board.events(limit);
    }

    @Override
    public List<ConfigProblem> problems() {
        return board.problems();
    }

    @Override
    public String gpio() {
        return watchdog.stalled() ? lines.description() + "; pipeline stalled, relays in safe state" : lines.description();
    }
}
