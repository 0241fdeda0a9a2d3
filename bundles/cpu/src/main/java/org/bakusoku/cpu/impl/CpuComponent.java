package org.bakusoku.cpu.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.bakusoku.cpu.CpuException;
import org.bakusoku.cpu.CpuGovernor;
import org.bakusoku.cpu.CpuSample;
import org.bakusoku.cpu.CpuSnapshot;
import org.bakusoku.cpu.GuardState;
import org.bakusoku.cpu.Overclock;
import org.bakusoku.cpu.OverclockProfile;
import org.bakusoku.cpu.OverclockStatus;
import org.bakusoku.cpu.ThermalStatus;
import org.bakusoku.detect.DetectTopics;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CPU services ({@link CpuGovernor}, {@link ThermalStatus}, {@link Overclock}): a thin DS wrapper around
 * {@link CpuMonitor} on its own sampling thread. It also counts {@code org/bakusoku/detect/DETECTED} events,
 * the "appliance is detecting" part of a tryboot trial. Files are read under the system property
 * {@code bakusoku.sysroot} (default {@code /}); the tryboot state is kept in {@code <bakusoku.data>/cpu}.
 */
@Component(configurationPid = CpuComponent.PID,
        service = { CpuGovernor.class, ThermalStatus.class, Overclock.class, EventHandler.class },
        property = EventConstants.EVENT_TOPIC + "=" + DetectTopics.DETECTED)
@Designate(ocd = CpuComponent.Config.class)
public final class CpuComponent implements CpuGovernor, ThermalStatus, Overclock, EventHandler {

    /** Configuration PID. */
    public static final String PID = "org.bakusoku.cpu";

    private static final Logger LOG = LoggerFactory.getLogger(CpuComponent.class);

    /** CPU settings; every value is live (no restart). */
    @ObjectClassDefinition(name = "Bakusoku CPU",
            description = "CPU governor, thermal guard and overclock trials through the Raspberry Pi firmware's tryboot.")
    @interface Config {
        @AttributeDefinition(name = "Governor", description = "cpufreq scaling governor set on every policy at start"
                + " and when changed (e.g. performance, ondemand, schedutil, powersave); empty leaves the kernel's choice."
                + " A governor the kernel does not list is logged and not applied.")
        String governor() default "performance";

        @AttributeDefinition(name = "Sample interval (ms)", description = "Time between readings of frequency,"
                + " temperature and throttling flags, in ms, 500..60000.")
        long sample_interval_ms() default 2000;

        @AttributeDefinition(name = "History (s)", description = "How far back the history of the CPU page goes,"
                + " in seconds, 60..3600.")
        long history_s() default 600;

        @AttributeDefinition(name = "Thermal guard", description = "Watch the temperature and the firmware's"
                + " throttling flags; post org/bakusoku/cpu/THROTTLED and COOLED.")
        boolean guard_enabled() default true;

        @AttributeDefinition(name = "Guard threshold (°C)", description = "SoC temperature at which the guard"
                + " engages, °C, 40..85 (the Pi 4 firmware throttles from 80 °C).")
        double guard_temperature_c() default 80.0;

        @AttributeDefinition(name = "Guard hysteresis (°C)", description = "The guard releases below threshold"
                + " minus this, °C, 1..20.")
        double guard_hysteresis_c() default 5.0;

        @AttributeDefinition(name = "Guard action", description = "What the guard does besides the event.",
                options = { @Option(label = "notify only", value = CpuSettings.NOTIFY),
                        @Option(label = "lower the detection rate (factor published to the pipeline)", value = CpuSettings.RATE),
                        @Option(label = "switch to the cooling governor", value = CpuSettings.GOVERNOR) })
        String guard_action() default CpuSettings.RATE;

        @AttributeDefinition(name = "Cooling governor", description = "Governor while the guard is engaged with"
                + " action 'governor'; the configured governor comes back when it cools.")
        String guard_governor() default "powersave";

        @AttributeDefinition(name = "Cooling rate factor", description = "Share of the normal detection rate the"
                + " pipeline should keep while the guard is engaged with action 'rate', 0.05..1.")
        double guard_rate_factor() default 0.5;

        @AttributeDefinition(name = "Boot partition", description = "Folder holding config.txt, e.g. /boot/firmware"
                + " (bookworm) or /boot (before); empty searches both, in that order.")
        String boot_dir() default "";

        @AttributeDefinition(name = "Tryboot", description = "auto: allow overclock profiles when the kernel is"
                + " Raspberry Pi OS's (it passes the tryboot flag); force: allow regardless; off: refuse them.",
                options = { @Option(label = "auto", value = "auto"), @Option(label = "force", value = "force"),
                        @Option(label = "off", value = "off") })
        String tryboot_mode() default "auto";

        @AttributeDefinition(name = "Trial (s)", description = "Health period on the new clock before it is"
                + " committed to config.txt, in seconds, 60..3600.")
        long trial_s() default 300;

        @AttributeDefinition(name = "Trial temperature limit (°C)", description = "The trial fails at or above this"
                + " SoC temperature, °C, 50..85.")
        double trial_max_temperature_c() default 80.0;

        @AttributeDefinition(name = "Trial frames", description = "Frames the appliance must analyse during the"
                + " trial, 0..100000; 0 skips the check.")
        long trial_min_frames() default 10;

        @AttributeDefinition(name = "Helper command", description = "Command for privileged writes (boot files,"
                + " reboot, governor), e.g. 'sudo -n /usr/libexec/bakusoku/bakusoku-cpu-helper' on the image;"
                + " empty: this process writes itself (needs root).")
        String helper_command() default "";

        @AttributeDefinition(name = "Reboot delay (ms)", description = "Wait before rebooting after applying a"
                + " profile, so that the answer reaches the browser, in ms, 0..60000.")
        long reboot_delay_ms() default 3000;
    }

    private final ThreadScheduler scheduler;
    private final CpuMonitor monitor;
    private volatile CpuSettings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configAdmin;

    /**
     * @param context for the {@code bakusoku.sysroot} and {@code bakusoku.data} properties
     * @param config  the settings
     * @param events  receives THROTTLED and COOLED
     */
    @Activate
    public CpuComponent(BundleContext context, Config config, @Reference(name = "events") EventAdmin events) {
        settings = CpuSettings.from(config, CpuSettings.DEFAULTS);
        SysRoot root = new SysRoot(Path.of(property(context, SysRoot.PROPERTY, "/")));
        Path data = Path.of(property(context, "bakusoku.data", "./data")).resolve("cpu");
        scheduler = new ThreadScheduler("bakusoku-cpu-monitor");
        monitor = new CpuMonitor(root, settings, s -> s.helperCommand().isEmpty()
                ? new DirectActions(root, scheduler::epochMs, DirectActions.systemReboot())
                : new HelperActions(s.helperCommand(), data.resolve("staging")),
                new TrybootStore(data), scheduler, (topic, properties) -> events.postEvent(new Event(topic, properties)));
        monitor.start();
        LOG.info("CPU monitor started (sysroot {}, governor '{}', guard {} at {} °C)", property(context, SysRoot.PROPERTY, "/"),
                settings.governor(), settings.guardAction(), settings.guardTemperatureC());
    }

    /** @param config changed settings, applied live */
    @Modified
    void modified(Config config) {
        settings = CpuSettings.from(config, settings);
        monitor.update(settings);
    }

    /** Stops the sampling thread. */
    @Deactivate
    void deactivate() {
        monitor.stop();
        scheduler.close();
        LOG.info("CPU monitor stopped");
    }

    private static String property(BundleContext context, String name, String fallback) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void handleEvent(Event event) {
        monitor.frameDetected();
    }

    @Override
    public List<String> available() {
        return monitor.governors();
    }

    @Override
    public String current() {
        return monitor.governor();
    }

    @Override
    public void set(String governor) throws CpuException {
        monitor.setGovernor(governor);
        LOG.info("governor set to {} (console)", governor);
        persist(governor);
    }

    /** Keeps the governor in the configuration so that it is re-applied at the next start. */
    private void persist(String governor) {
        ConfigurationAdmin cm = configAdmin;
        if (cm == null) {
            LOG.warn("no ConfigurationAdmin: governor {} is not kept across restarts", governor);
            return;
        }
        try {
            Configuration configuration = cm.getConfiguration(PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            properties.put("governor", governor);
            configuration.updateIfDifferent(properties);
        } catch (IOException e) {
            LOG.error("governor {} is set but could not be kept in {}: {}", governor, PID, e.toString());
        }
    }

    @Override
    public CpuSnapshot snapshot() {
        return monitor.snapshot();
    }

    @Override
    public List<CpuSample> history() {
        return monitor.history();
    }

    @Override
    public GuardState guard() {
        return monitor.guard();
    }

    @Override
    public List<OverclockProfile> profiles() {
        return monitor.profiles();
    }

    @Override
    public OverclockStatus status() {
        return monitor.overclockStatus();
    }

    @Override
    public OverclockStatus apply(String profileId) throws CpuException {
        return monitor.applyProfile(profileId);
    }
}
