package org.bakusoku.camera.internal;

import java.time.Duration;
import java.util.Locale;

import org.bakusoku.camera.capture.CameraSettings;
import org.bakusoku.camera.capture.FileFrameSource;
import org.bakusoku.camera.capture.PacingClock;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default {@link FrameSource}: a video file or image folder played like a camera. A thin DS
 * wrapper around {@link FileFrameSource}; configuration PID {@value #PID}, optional (runs with the defaults).
 */
@Component(configurationPid = FileFrameSourceComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = FrameSource.class)
@Designate(ocd = FileFrameSourceComponent.Config.class)
public final class FileFrameSourceComponent implements FrameSource {

    /** Configuration PID. */
    public static final String PID = "org.bakusoku.camera";

    private static final Logger LOG = LoggerFactory.getLogger(FileFrameSourceComponent.class);
    /** How often a missing or unreadable file is looked for again: a user may copy it in later. */
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);
    private static final String DEFAULT_URL = "../shared/data/video/vtest_pedestrians_8s_mjpeg.avi";

    /** Camera settings shown on the console's Configuration page. */
    @ObjectClassDefinition(id = PID, name = "Bakusoku camera",
            description = "Where frames come from. For now a video file (MJPEG AVI) or a folder of images "
                    + "played like a camera; camera sources come later.")
    public @interface Config {

        @AttributeDefinition(name = "Source", description = "Kind of frame source. auto: the best available, "
                + "for now the file source; file: a video file or image folder.",
                options = { @Option(label = "auto", value = "auto"), @Option(label = "file", value = "file") })
        String source() default "auto";

        @AttributeDefinition(name = "URL", description = "An MJPEG .avi file, a .jpg/.jpeg/.png image, or a "
                + "folder of them (shown in file-name order). A relative path resolves against the working "
                + "directory of the Java process.")
        String url() default DEFAULT_URL;

        @AttributeDefinition(name = "Frames per second", description = "Rate frames are delivered at, frames "
                + "per second, 0.1..120. 0 = the video's own rate from its header, or 10 for images.",
                min = "0", max = "120")
        double fps() default 0;

        @AttributeDefinition(name = "Loop", description = "Start again at the first frame after the last one.")
        boolean loop() default true;
    }

    private final FileFrameSource source = new FileFrameSource(PacingClock.SYSTEM, RETRY_INTERVAL);

    /**
     * Starts the capture thread. Bad settings are logged and the defaults are used instead.
     *
     * @param config the configuration, or the defaults when there is none
     */
    @Activate
    public FileFrameSourceComponent(Config config) {
        CameraSettings settings;
        try {
            settings = settingsOf(config);
        } catch (IllegalArgumentException e) {
            LOG.warn("camera: bad configuration {}, using the defaults: {}", PID, e.getMessage());
            settings = CameraSettings.of(DEFAULT_URL, 0, true);
        }
        source.apply(settings);
    }

    /**
     * Re-opens the source with new settings; bad settings are logged and the running source stays.
     *
     * @param config the new configuration
     */
    @Modified
    void modified(Config config) {
        try {
            source.apply(settingsOf(config));
        } catch (IllegalArgumentException e) {
            LOG.warn("camera: ignoring the new configuration of {}, the current source stays: {}", PID,
                    e.getMessage());
        }
    }

    /** Stops the capture thread. */
    @Deactivate
    void deactivate() {
        source.stop();
    }

    @Override
    public Frame latest() {
        return source.latest();
    }

    @Override
    public Frame awaitNewer(long afterSequence, long timeoutMs) throws InterruptedException {
        return source.awaitNewer(afterSequence, timeoutMs);
    }

    @Override
    public String description() {
        return source.description();
    }

    private static CameraSettings settingsOf(Config config) {
        String kind = config.source() == null ? "auto" : config.source().trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("auto") && !kind.equals("file")) {
            LOG.warn("camera: unknown source '{}' (known: auto, file); using the file source", config.source());
        }
        return CameraSettings.of(config.url(), config.fps(), config.loop());
    }
}
