package org.bakusoku.cpu.impl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.bakusoku.cpu.Board;
import org.bakusoku.cpu.CpuException;
import org.bakusoku.cpu.CpuPolicy;
import org.bakusoku.cpu.CpuSample;
import org.bakusoku.cpu.CpuSnapshot;
import org.bakusoku.cpu.CpuTopics;
import org.bakusoku.cpu.GuardState;
import org.bakusoku.cpu.OverclockProfile;
import org.bakusoku.cpu.OverclockStatus;
import org.bakusoku.cpu.ThrottleState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CPU core, plain Java: samples frequency, temperature and throttling flags every interval into a
 * history, runs the thermal guard and its action, watches a tryboot trial, applies the configured governor
 * at start, and answers the services' questions. One scheduler thread samples; API calls come from servlet
 * threads.
 */
final class CpuMonitor {

    /** Posts events; the component hands them to EventAdmin. */
    @FunctionalInterface
    interface Events {
        /**
         * @param topic      the topic
         * @param properties the event properties
         */
        void post(String topic, Map<String, Object> properties);
    }

    private static final Logger LOG = LoggerFactory.getLogger(CpuMonitor.class);

    private final Cpufreq cpufreq;
    private final Platform platform;
    private final Scheduler scheduler;
    private final Events events;
    private final Function<CpuSettings, SystemActions> actions;
    private final OverclockManager overclock;
    private final ThermalGuard guard = new ThermalGuard();
    private final Deque<CpuSample> history = new ArrayDeque<>();
    private final AtomicLong frames = new AtomicLong();
    private volatile CpuSettings settings;
    private volatile boolean running;
    private String governorBeforeGuard;

    /**
     * @param root      the system files
     * @param settings  the first settings
     * @param actions   the privileged writes for given settings (helper or direct)
     * @param store     the persisted tryboot state
     * @param scheduler time and the sampling thread
     * @param events    receives THROTTLED and COOLED
     */
    CpuMonitor(SysRoot root, CpuSettings settings, Function<CpuSettings, SystemActions> actions, TrybootStore store,
            Scheduler scheduler, Events events) {
        this.cpufreq = new Cpufreq(root);
        this.platform = new Platform(root);
        this.settings = settings;
        this.actions = actions;
        this.scheduler = scheduler;
        this.events = events;
        this.overclock = new OverclockManager(root, () -> this.settings, () -> actions.apply(this.settings), store,
                scheduler);
    }

    /** Applies the configured governor, continues a pending tryboot and starts sampling. */
    void start() {
        running = true;
        if (!cpufreq.available()) {
            LOG.info("no cpufreq in sysfs: governor and overclock are unavailable on this machine");
        }
        applyConfiguredGovernor();
        overclock.resume(frames.get());
        scheduler.schedule(this::sampleAndReschedule, 0);
    }

    /** Stops sampling at the next turn (the component closes the thread). */
    void stop() {
        running = false;
    }

    /** @param next new settings; a changed governor is applied at once */
    void update(CpuSettings next) {
        CpuSettings previous = settings;
        settings = next;
        if (!next.governor().equals(previous.governor())) {
            applyConfiguredGovernor();
        }
    }

    /** Counts one analysed frame (a DETECTED event), for the tryboot trial's "the appliance detects" check. */
    void frameDetected() {
        frames.incrementAndGet();
    }

    private void sampleAndReschedule() {
        if (!running) {
            return;
        }
        sample();
        scheduler.schedule(this::sampleAndReschedule, settings.sampleIntervalMs());
    }

    /** Takes one sample: history, guard, trial. */
    void sample() {
        CpuSettings s = settings;
        long now = scheduler.epochMs();
        Double temperature = platform.temperatureC();
        ThrottleState throttle = platform.throttle();
        Integer mhz = cpufreq.policies().stream().map(CpuPolicy::curMhz).max(Integer::compare).orElse(null);
        synchronized (history) {
            history.addLast(new CpuSample(now, temperature, mhz, throttle == null ? null : throttle.raw()));
            long keep = Math.max(1, s.historyS() * 1000L / s.sampleIntervalMs());
            while (history.size() > keep) {
                history.removeFirst();
            }
        }
        switch (guard.evaluate(s, temperature, throttle, now)) {
            case ENGAGED -> engaged(s, temperature, throttle, now);
            case RELEASED -> released(s, temperature, throttle, now);
            default -> {
                // no change
            }
        }
        overclock.check(new TrybootFlow.Health(temperature, throttle, frames.get()));
    }

    private void engaged(CpuSettings s, Double temperature, ThrottleState throttle, long now) {
        GuardState state = guard.state(s);
        LOG.warn("thermal guard engaged: {}; action {}", state.reason(), s.guardAction());
        if (s.guardAction().equals(CpuSettings.GOVERNOR)) {
            governorBeforeGuard = cpufreq.governor();
            setQuietly(s.guardGovernor(), "thermal guard");
        }
        events.post(CpuTopics.THROTTLED, properties(state, temperature, throttle, now));
    }

    private void released(CpuSettings s, Double temperature, ThrottleState throttle, long now) {
        GuardState state = guard.state(s);
        LOG.info("thermal guard released: {}", state.reason());
        if (governorBeforeGuard != null) {
            setQuietly(s.governor().isEmpty() ? governorBeforeGuard : s.governor(), "thermal guard released");
            governorBeforeGuard = null;
        }
        events.post(CpuTopics.COOLED, properties(state, temperature, throttle, now));
    }

    private static Map<String, Object> properties(GuardState state, Double temperature, ThrottleState throttle, long now) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (temperature != null) {
            p.put(CpuTopics.TEMPERATURE_C, temperature);
        }
        if (throttle != null && throttle.raw() != null) {
            p.put(CpuTopics.THROTTLED_RAW, throttle.raw());
        }
        p.put(CpuTopics.THROTTLED_NOW, throttle == null ? new String[0] : throttle.now().toArray(String[]::new));
        p.put(CpuTopics.THROTTLED_SINCE_BOOT, throttle == null ? new String[0] : throttle.sinceBoot().toArray(String[]::new));
        p.put(CpuTopics.REASON, state.reason());
        p.put(CpuTopics.ACTION, state.action());
        p.put(CpuTopics.DETECTION_RATE_FACTOR, state.detectionRateFactor());
        p.put(CpuTopics.TIME, now);
        return p;
    }

    /**
     * Applies the configured governor on a Raspberry Pi only: the same runtime on a developer's x86 machine
     * or in CI must not retune the host (an explicit {@link #setGovernor} still works there).
     */
    private void applyConfiguredGovernor() {
        String wanted = settings.governor();
        if (wanted.isEmpty() || !cpufreq.available() || wanted.equals(cpufreq.governor())) {
            return;
        }
        if (platform.board().family() == Board.NOT_PI) {
            LOG.info("not a Raspberry Pi: configured governor {} not applied to this host", wanted);
            return;
        }
        setQuietly(wanted, "configuration");
    }

    private void setQuietly(String governor, String why) {
        try {
            setGovernor(governor);
            LOG.info("governor set to {} ({})", governor, why);
        } catch (CpuException e) {
            LOG.error("governor {} not applied ({}): {}", governor, why, e.getMessage());
        }
    }

    /**
     * Sets the governor on every policy, through the helper when sysfs denies the write and a helper is set.
     *
     * @param governor one of the available governors
     * @throws CpuException see {@link org.bakusoku.cpu.CpuGovernor#set}
     */
    void setGovernor(String governor) throws CpuException {
        try {
            cpufreq.setGovernor(governor);
        } catch (CpuException e) {
            if (e.kind() != CpuException.Kind.PERMISSION || settings.helperCommand().isEmpty()) {
                throw e;
            }
            try {
                actions.apply(settings).setGovernor(governor);
            } catch (java.io.IOException helperFailure) {
                throw new CpuException(CpuException.Kind.PERMISSION, e.getMessage() + " The helper failed too: "
                        + helperFailure.getMessage());
            }
        }
    }

    /** @return available governors */
    List<String> governors() {
        return cpufreq.availableGovernors();
    }

    /** @return the first policy's governor, or null */
    String governor() {
        return cpufreq.governor();
    }

    /** @return a fresh reading of everything */
    CpuSnapshot snapshot() {
        boolean available = cpufreq.available();
        Double temperature = platform.temperatureC();
        String message = available ? null : "No cpufreq in sysfs (" + Cpufreq.BASE + "/policy*): this machine has no"
                + " CPU frequency driver (not a Raspberry Pi, or a container or VM), so there is no governor, no"
                + " frequency and no overclock here." + (temperature == null ? " It has no thermal zone either." : "");
        return new CpuSnapshot(scheduler.epochMs(), available, message, platform.board(), cpufreq.governor(),
                cpufreq.availableGovernors(), cpufreq.policies(), temperature, platform.throttle(), overclock.status(),
                guard.state(settings));
    }

    /** @return the kept samples, oldest first */
    List<CpuSample> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** @return the guard now */
    GuardState guard() {
        return guard.state(settings);
    }

    /** @return this board's profiles */
    List<OverclockProfile> profiles() {
        return overclock.profiles();
    }

    /** @return the overclock status */
    OverclockStatus overclockStatus() {
        return overclock.status();
    }

    /**
     * @param profileId a profile id
     * @return the status after staging
     * @throws CpuException see {@link org.bakusoku.cpu.Overclock#apply}
     */
    OverclockStatus applyProfile(String profileId) throws CpuException {
        return overclock.apply(profileId);
    }
}
