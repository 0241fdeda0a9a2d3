package org.bakusoku.model.internal;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import java.util.function.Supplier;

import org.bakusoku.detect.Detector;
import org.bakusoku.model.ModelInfo;
import org.bakusoku.model.repo.DetectorControl;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Drives the detector through its configuration, PID {@value #PID}: writing {@code model.path},
 * {@code labels.path} and {@code model.name} makes the detector load the new model beside the current one and swap
 * between two frames (its {@code @Modified}); every other property (threads, score threshold, input mean/std) is
 * kept. The configuration is stored by ConfigAdmin, so the choice survives a restart.
 */
final class ConfigAdminDetector implements DetectorControl {

    /** The detector's configuration PID. */
    static final String PID = "org.bakusoku.detect.tflite";
    static final String MODEL_PATH = "model.path";
    static final String LABELS_PATH = "labels.path";
    static final String MODEL_NAME = "model.name";

    private final ConfigurationAdmin configAdmin;
    private final Supplier<Detector> detector;

    /**
     * @param configAdmin ConfigAdmin
     * @param detector    the current detector service, or null while there is none
     */
    ConfigAdminDetector(ConfigurationAdmin configAdmin, Supplier<Detector> detector) {
        this.configAdmin = configAdmin;
        this.detector = detector;
    }

    @Override
    public void use(Path model, Path labels, String name) throws IOException {
        Configuration config = configAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> props = config.getProperties();
        Dictionary<String, Object> next = new Hashtable<>();
        if (props != null) {
            for (var keys = props.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                next.put(key, props.get(key));
            }
        }
        next.put(MODEL_PATH, model.toAbsolutePath().toString());
        next.put(LABELS_PATH, labels == null ? "" : labels.toAbsolutePath().toString());
        next.put(MODEL_NAME, name);
        config.update(next);
    }

    @Override
    public Optional<Configured> configured() throws IOException {
        Configuration[] found;
        try {
            found = configAdmin.listConfigurations("(service.pid=" + PID + ")");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter", e);
        }
        if (found == null || found.length == 0 || found[0].getProperties() == null) {
            return Optional.empty();
        }
        Dictionary<String, Object> props = found[0].getProperties();
        Path model = path(props.get(MODEL_PATH));
        if (model == null) {
            return Optional.empty();
        }
        Object name = props.get(MODEL_NAME);
        return Optional.of(new Configured(model, path(props.get(LABELS_PATH)), name == null ? null : name.toString()));
    }

    @Override
    public Optional<ModelInfo> running() {
        Detector d = detector.get();
        return d == null ? Optional.empty() : Optional.ofNullable(d.model());
    }

    /** The detector resolves relative paths against the working directory; so does this. */
    private static Path path(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return Path.of(value.toString().strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
