package org.bakusoku.camera.internal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.bakusoku.camera.capture.CameraSettings;
import org.bakusoku.camera.capture.LatestFrameSlot;
import org.bakusoku.camera.capture.PacingClock;
import org.bakusoku.camera.control.AutoProbe;
import org.bakusoku.camera.control.Camera;
import org.bakusoku.camera.control.ProgramLocator;
import org.bakusoku.camera.control.SourceKind;
import org.bakusoku.camera.control.SourceSettings;
import org.bakusoku.camera.file.ImageSequence;
import org.bakusoku.camera.file.ImageSequences;
import org.bakusoku.frame.CameraControl;
import org.bakusoku.frame.CameraSetup;
import org.bakusoku.frame.CameraState;
import org.bakusoku.frame.CameraTopics;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;
import org.bakusoku.frame.FrameSourceStatus;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera as an OSGi service: {@link FrameSource} for the pipeline, {@link CameraControl} for the console and
 * API. A thin wrapper around {@link Camera}; configuration PID {@value #PID} ({@link CameraConfig}), optional.
 * Every state change is posted on {@link CameraTopics#STATE} when EventAdmin is present.
 */
// REQUIRE: like the detector, start from a real configuration, not the annotation defaults (../shared paths).
@Component(configurationPid = CameraComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = { FrameSource.class, CameraControl.class })
@Designate(ocd = CameraConfig.class)
public final class CameraComponent implements FrameSource, CameraControl {

    /** Configuration PID. */
    public static final String PID = "org.bakusoku.camera";

    private static final Logger LOG = LoggerFactory.getLogger(CameraComponent.class);
    /** Longest wait for {@code rpicam-vid --list-cameras} when resolving auto, ms. */
    private static final long PROBE_TIMEOUT_MS = 5_000;

    private volatile EventAdmin events;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConfigurationAdmin configAdmin;

    private final LatestFrameSlot slot = new LatestFrameSlot();
    private final Camera camera;

    /**
     * Starts the configured source; bad settings are logged and the defaults are used instead.
     *
     * @param config  the configuration, or the defaults when there is none
     * @param context for the framework property {@code bakusoku.sysroot} (default {@code /}), the root of sysfs
     */
    @Activate
    public CameraComponent(CameraConfig config, BundleContext context) {
        this(config, ProgramLocator.fromEnvironment(), Path.of(property(context, "bakusoku.sysroot", "/")),
                PacingClock.SYSTEM);
    }

    /**
     * For tests: explicit program search path, system root and clock.
     *
     * @param config   the configuration
     * @param programs where decoders are found
     * @param sysroot  root of sysfs for auto-detection
     * @param clock    supervision and pacing time
     */
    public CameraComponent(CameraConfig config, ProgramLocator programs, Path sysroot, PacingClock clock) {
        camera = new Camera(slot, programs, new AutoProbe(programs, sysroot, PROBE_TIMEOUT_MS), clock, this::post);
        SourceSettings settings;
        try {
            settings = CameraConfigs.settings(config);
        } catch (IllegalArgumentException e) {
            LOG.warn("camera: bad configuration {}, using the defaults: {}", PID, e.getMessage());
            settings = CameraConfigs.defaults();
        }
        camera.apply(settings);
    }

    /**
     * Applies a new configuration; bad values are logged and the running source stays.
     *
     * @param config the new configuration
     */
    @Modified
    void modified(CameraConfig config) {
        try {
            camera.apply(CameraConfigs.settings(config));
        } catch (IllegalArgumentException e) {
            LOG.warn("camera: ignoring the new configuration of {}, the current source stays: {}", PID,
                    e.getMessage());
        }
    }

    /** Stops the source, its threads and decoder processes. */
    @Deactivate
    void deactivate() {
        camera.close();
    }

    /**
     * Binds EventAdmin and posts the current state at once: states reached before it was bound (DS injects
     * references after the constructor has started the camera) are not lost to listeners.
     *
     * @param admin the EventAdmin
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(EventAdmin admin) {
        events = admin;
        post(camera.status(), null);
    }

    /** @param admin the EventAdmin going away */
    void unsetEvents(EventAdmin admin) {
        if (events == admin) {
            events = null;
        }
    }

    @Override
    public Frame latest() {
        return slot.latest();
    }

    @Override
    public Frame awaitNewer(long afterSequence, long timeoutMs) throws InterruptedException {
        return slot.awaitNewer(afterSequence, timeoutMs);
    }

    @Override
    public Frame latestDisplay() {
        return slot.latestDisplay();
    }

    @Override
    public Frame display(long sequence) {
        return slot.display(sequence);
    }

    @Override
    public String description() {
        return camera.description();
    }

    @Override
    public FrameSourceStatus status() {
        return camera.status();
    }

    @Override
    public CameraSetup setup() {
        SourceSettings s = current();
        return new CameraSetup(s.kind().configName(), s.maskedUrl(), s.width(), s.height(), s.fps(), s.username(),
                null);
    }

    @Override
    public void update(CameraSetup change) {
        SourceSettings now = current();
        SourceSettings next = CameraConfigs.merge(now, change); // throws IllegalArgumentException with the reason
        checkPlayable(next);
        ConfigurationAdmin admin = configAdmin;
        if (admin == null) {
            LOG.info("camera: no ConfigurationAdmin; applying {} {} without storing it", next.kind().configName(),
                    next.maskedUrl());
            camera.apply(next);
            return;
        }
        try {
            Configuration configuration = admin.getConfiguration(PID, "?");
            Dictionary<String, Object> props = configuration.getProperties();
            if (props == null) {
                props = new Hashtable<>();
            }
            for (Map.Entry<String, Object> e : CameraConfigs.properties(next).entrySet()) {
                props.put(e.getKey(), e.getValue());
            }
            configuration.update(props);
            LOG.info("camera: configuration changed to {} {}", next.kind().configName(), next.maskedUrl());
        } catch (IOException e) {
            throw new IllegalStateException("the camera configuration could not be stored: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a file source (or the file fallback of {@code auto}) that cannot be played, before anything is
     * stored, so that a typo never replaces a working source: the file is opened once and closed.
     *
     * @throws IllegalArgumentException with the reason (missing, unreadable, unsupported type)
     */
    static void checkPlayable(SourceSettings next) {
        boolean fileUrl = next.kind() == SourceKind.FILE
                || (next.kind() == SourceKind.AUTO && next.url() != null && !next.url().isBlank());
        if (!fileUrl) {
            return;
        }
        CameraSettings settings = CameraSettings.of(next.url(), 0, true);
        try (ImageSequence sequence = ImageSequences.open(settings.path())) {
            // opened: a video, an image or a folder with images
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("url: no such file or folder: " + settings.path());
        } catch (IOException e) {
            throw new IllegalArgumentException("url: " + settings.path() + " cannot be played: " + e.getMessage());
        }
    }

    private SourceSettings current() {
        SourceSettings s = camera.requested();
        return s != null ? s : CameraConfigs.defaults();
    }

    private void post(FrameSourceStatus status, CameraState previous) {
        EventAdmin admin = events;
        if (admin == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put(CameraTopics.STATE_NAME, status.state().name());
        props.put(CameraTopics.PREVIOUS, previous == null ? "" : previous.name());
        props.put(CameraTopics.REASON, status.reason());
        props.put(CameraTopics.SOURCE, status.source());
        props.put(CameraTopics.URL, status.url());
        props.put(CameraTopics.CAPTURE_FPS, status.captureFps());
        props.put(CameraTopics.TIME, status.changedAtMs());
        admin.postEvent(new Event(CameraTopics.STATE, props));
    }

    private static String property(BundleContext context, String key, String fallback) {
        String value = context.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
