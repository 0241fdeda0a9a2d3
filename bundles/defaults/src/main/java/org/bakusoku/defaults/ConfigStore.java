package org.bakusoku.defaults;

import java.nio.file.Path;
import java.util.Map;

import org.apache.felix.cm.PersistenceManager;
import org.apache.felix.cm.file.FilePersistenceManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps ConfigAdmin's configurations in {@code <bakusoku.data>/config}, so console edits survive a restart
 * while the framework's own storage starts fresh every time.
 *
 * <p>Felix ConfigAdmin resolves a relative {@code felix.cm.dir} against its bundle data area, which the
 * launcher wipes at start, and cannot follow the {@code bakusoku.data} property. So this component
 * registers Felix's own {@link FilePersistenceManager} with an absolute path under the data directory,
 * named {@value #NAME}; the runtime sets {@code felix.cm.pm=bakusoku}, which makes ConfigAdmin wait for
 * exactly this store before it starts (Felix ConfigAdmin, "felix.cm.pm" framework property).
 */
@Component(immediate = true)
public class ConfigStore {

    /** The persistence manager's {@code name} service property, matched by {@code felix.cm.pm}. */
    public static final String NAME = "bakusoku";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigStore.class);

    private final ServiceRegistration<PersistenceManager> registration;

    /**
     * Registers the store.
     *
     * @param context this bundle's context; {@code bakusoku.data} is read from it (default {@code ./data})
     */
    @Activate
    public ConfigStore(BundleContext context) {
        Path dir = dataDirectory(context.getProperty("bakusoku.data")).resolve("config");
        registration = context.registerService(PersistenceManager.class,
                new FilePersistenceManager(context, dir.toString()),
                new java.util.Hashtable<>(Map.of("name", NAME)));
        LOG.info("configuration store: {}", dir);
    }

    /**
     * @param property value of {@code bakusoku.data}, or null
     * @return the absolute, normalized data directory ({@code ./data} when the property is unset or blank)
     */
    static Path dataDirectory(String property) {
        String value = property == null || property.isBlank() ? "data" : property.trim();
        return Path.of(value).toAbsolutePath().normalize();
    }

    @Deactivate
    void stop() {
        registration.unregister();
    }
}
