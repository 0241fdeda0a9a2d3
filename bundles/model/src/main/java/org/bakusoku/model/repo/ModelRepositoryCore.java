package org.bakusoku.model.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.bakusoku.model.ModelException;
import org.bakusoku.model.ModelException.Reason;
import org.bakusoku.model.ModelManifest;
import org.bakusoku.model.ModelNotice;
import org.bakusoku.model.ModelRepository;
import org.bakusoku.model.ModelTask;
import org.bakusoku.model.store.ModelStore;
import org.bakusoku.model.store.RepositoryState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ModelRepository} in plain Java: the {@link ModelStore} on disk, the {@link Installer} (checks and the
 * isolated run), the {@link Activator} (detector switch, confirmation, roll-back). The OSGi component supplies the
 * detector's configuration, the child JVM, EventAdmin and a scheduler.
 */
public final class ModelRepositoryCore implements ModelRepository {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRepositoryCore.class);

    private final ModelStore store;
    private final DetectorControl detector;
    private final Supplier<RepositorySettings> settings;
    private final Tasks tasks;
    private final Notices notices;
    private final Installer installer;
    private final Activator activator;

    /**
     * @param store     the opened model store
     * @param detector  the detector's configuration and service
     * @param isolated  runs a model in a child JVM
     * @param settings  the current settings (read at each use, so that changes apply live)
     * @param scheduler runs the activation timeout
     * @param poster    posts an event (EventAdmin {@code postEvent})
     * @param nowMs     the clock, epoch ms
     */
    public ModelRepositoryCore(ModelStore store, DetectorControl detector, IsolatedRun isolated,
            Supplier<RepositorySettings> settings, Scheduler scheduler, BiConsumer<String, Map<String, Object>> poster,
            LongSupplier nowMs) {
        this.store = store;
        this.detector = detector;
        this.settings = settings;
        this.tasks = new Tasks(nowMs);
        this.notices = new Notices(poster, nowMs);
        this.installer = new Installer(store, isolated, settings, tasks, notices, nowMs);
        this.activator = new Activator(store, detector, settings, scheduler, tasks, notices, nowMs);
    }

    /**
     * Reconciles the store with the detector's configuration, at start and whenever that configuration changes. The
     * repository's choice wins over a configured model it already knows (stored, or adopted earlier): that model is
     * handed to the detector again, which also restores the choice when ConfigAdmin's storage was lost and the
     * first-boot configuration came back. A model it does not know yet (the first-boot default at the very first
     * start, or a new path typed into the console's configuration) is adopted into the store and becomes the active
     * one. Failures are logged; the repository works without an active model.
     */
    public void start() {
        try {
            Optional<DetectorControl.Configured> configured = detector.configured();
            if (configured.isEmpty()) {
                // Normal for a moment at start: the detector's configuration is not there yet; start() runs again.
                LOG.debug("The detector has no model configured yet; no model is marked active");
                return;
            }
            if (!Files.isRegularFile(configured.get().model())) {
                LOG.warn("The detector's configured model {} is not a file; no model is marked active",
                        configured.get().model());
                return;
            }
            DetectorControl.Configured c = configured.get();
            Path model = c.model().toAbsolutePath().normalize();
            Optional<ModelManifest> known = known(model);
            Optional<ModelManifest> active = active();
            if (known.isPresent() && active.isPresent() && !known.get().sha256().equals(active.get().sha256())) {
                if (activator.confirming().isEmpty()) {
                    LOG.info("The detector is configured with {} but the active model is {} ('{}'): handing it to the"
                            + " detector again", model, active.get().id(), active.get().name());
                    detector.use(store.modelFile(active.get()), store.labelsFile(active.get()), active.get().name());
                }
                return;
            }
            ModelManifest manifest = known.isPresent() ? known.get() : installer.adopt(model, c.labels() != null
                    ? c.labels() : model.resolveSibling(ModelStore.LABELS), c.name() != null && !c.name().isBlank()
                            ? c.name() : String.valueOf(model.getParent().getFileName()));
            RepositoryState state = store.state();
            if (!manifest.sha256().equals(state.active())) {
                store.saveState(state.activate(manifest.sha256()));
                LOG.info("Active model: {} ('{}'), as configured in the detector", manifest.id(), manifest.name());
            }
        } catch (ModelException | IOException | RuntimeException e) {
            LOG.warn("Could not reconcile with the detector's configured model: {}", e.getMessage());
        }
    }

    /** @return the stored model at this path, or the model adopted from it earlier */
    private Optional<ModelManifest> known(Path model) {
        if (model.startsWith(store.root()) && model.getParent() != null) {
            return store.find(model.getParent().getFileName().toString());
        }
        String origin = Installer.ORIGIN_CONFIGURED + model;
        return store.list().stream().filter(m -> m.origin().equals(origin)).findFirst();
    }

    /**
     * Counts a detection event for the activation in progress; returns at once.
     *
     * @param modelId the event's {@code model.id}
     */
    public void onDetected(String modelId) {
        activator.onDetected(modelId);
    }

    /** Cancels a pending confirmation; the repository is being stopped. */
    public void close() {
        activator.close();
    }

    @Override
    public ModelManifest install(InputStream model, InputStream labels, String name) throws ModelException {
        return installer.install(model, labels, name);
    }

    @Override
    public List<ModelManifest> list() {
        return store.list();
    }

    @Override
    public Optional<ModelManifest> get(String id) {
        return store.find(id);
    }

    @Override
    public Optional<ModelManifest> active() {
        String active = store.state().active();
        return active == null ? Optional.empty() : store.find(active);
    }

    @Override
    public Optional<ModelManifest> previous() {
        List<String> history = store.state().history();
        return history.isEmpty() ? Optional.empty() : store.find(history.get(history.size() - 1));
    }

    @Override
    public ModelManifest activate(String id) throws ModelException {
        try {
            return activator.activate(require(id));
        } catch (ModelException e) {
            notices.failed(id, null, e.getMessage());
            throw e;
        }
    }

    @Override
    public ModelManifest rollback() throws ModelException {
        return activator.rollback();
    }

    @Override
    public void delete(String id) throws ModelException {
        ModelManifest m = require(id);
        synchronized (activator) {
            RepositoryState state = store.state();
            if (m.sha256().equals(state.active())) {
                throw new ModelException(Reason.ACTIVE, "model " + id + " is the active model; activate another one"
                        + " first", id, null);
            }
            store.saveState(state.forget(m.sha256()));
            store.remove(m.sha256());
        }
        LOG.info("Deleted model {} ('{}' v{})", m.id(), m.name(), m.version());
    }

    @Override
    public ModelManifest validate(String id) throws ModelException {
        return installer.validate(require(id));
    }

    @Override
    public List<ModelTask> tasks() {
        return tasks.list();
    }

    @Override
    public Optional<ModelNotice> lastProblem() {
        return notices.lastProblem();
    }

    @Override
    public long maxModelBytes() {
        return settings.get().maxModelBytes();
    }

    private ModelManifest require(String id) throws ModelException {
        return store.find(id).orElseThrow(() -> new ModelException(Reason.NOT_FOUND, "no model with id '" + id
                + "'", id, null));
    }
}
