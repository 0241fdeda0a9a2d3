package org.bakusoku.camera.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bakusoku.camera.control.SourceKind;
import org.bakusoku.camera.control.SourceSettings;
import org.bakusoku.frame.CameraSetup;

/** Converts between the configuration, the validated {@link SourceSettings} and API changes. */
final class CameraConfigs {

    private CameraConfigs() {
    }

    /**
     * @param c a configuration
     * @return its validated settings
     * @throws IllegalArgumentException naming the first bad value
     */
    static SourceSettings settings(CameraConfig c) {
        return new SourceSettings(SourceKind.parse(c.source()), c.url(), c.username(), c.password(), c.width(),
                c.height(), c.fps(), c.loop(), c.detect_width(), c.detect_height(), c.v4l2_format(), c.stall_ms(),
                c.retry_max_ms());
    }

    /** @return the settings of an empty configuration */
    static SourceSettings defaults() {
        return new SourceSettings(SourceKind.AUTO, CameraConfig.DEFAULT_URL, "", "", 0, 0, 0, true, 0, 0, "mjpeg",
                5_000, 30_000);
    }

    /**
     * @param now    the running settings
     * @param change fields to change, null = keep; a URL equal to {@code now}'s masked URL keeps {@code now}'s URL
     * @return the validated result
     * @throws IllegalArgumentException naming the first bad value
     */
    static SourceSettings merge(SourceSettings now, CameraSetup change) {
        String url = change.url() == null || change.url().strip().equals(now.maskedUrl()) ? now.url() : change.url();
        return new SourceSettings(change.source() == null ? now.kind() : SourceKind.parse(change.source()), url,
                change.username() == null ? now.username() : change.username(),
                change.password() == null ? now.password() : change.password(),
                change.width() == null ? now.width() : change.width(),
                change.height() == null ? now.height() : change.height(),
                change.fps() == null ? now.fps() : change.fps(), now.loop(), now.detectWidth(), now.detectHeight(),
                now.v4l2Format(), now.stallMs(), now.retryMaxMs());
    }

    /**
     * @param s settings
     * @return the configuration properties that store the fields an API change can set
     */
    static Map<String, Object> properties(SourceSettings s) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("source", s.kind().configName());
        props.put("url", s.url());
        props.put("username", s.username());
        props.put("password", s.password());
        props.put("width", s.width());
        props.put("height", s.height());
        props.put("fps", s.fps());
        return props;
    }
}
