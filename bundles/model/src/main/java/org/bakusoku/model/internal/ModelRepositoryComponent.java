package org.bakusoku.model.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bakusoku.detect.DetectTopics;
import org.bakusoku.detect.Detector;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;
import org.bakusoku.model.ModelException;
import org.bakusoku.model.ModelManifest;
import org.bakusoku.model.ModelNotice;
import org.bakusoku.model.ModelRepository;
import org.bakusoku.model.ModelTask;
import org.bakusoku.model.isolate.ChildValidator;
import org.bakusoku.model.isolate.FrameFiles;
import org.bakusoku.model.isolate.child.ValidatorMain;
import org.bakusoku.model.repo.ModelRepositoryCore;
import org.bakusoku.model.repo.RepositorySettings;
import org.bakusoku.model.store.AtomicFiles;
import org.bakusoku.model.store.ModelStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ModelRepository} service, configured under PID {@value RepositoryConfig#PID}: a thin wrapper that gives
 * {@link ModelRepositoryCore} its folder ({@code <bakusoku.data>/models}), the detector's configuration, a child
 * JVM built from the running bundles, EventAdmin and a scheduler.
 *
 * <p>Also an {@link EventHandler} on {@code DETECTED} (counts frames of a model being activated) and a
 * {@link ConfigurationListener} (a detector model changed elsewhere, e.g. in the console's Configuration page,
 * becomes the active one). Threads: one scheduler thread, stopped at deactivation.
 */
@Component(service = { ModelRepository.class, EventHandler.class, ConfigurationListener.class },
        configurationPid = RepositoryConfig.PID, property = EventConstants.EVENT_TOPIC + "=" + DetectTopics.DETECTED)
@Designate(ocd = RepositoryConfig.class)
public final class ModelRepositoryComponent implements ModelRepository, EventHandler, ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRepositoryComponent.class);
    /** How long validation waits for each live frame before using what it has, ms. */
    private static final long FRAME_WAIT_MS = 400;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Detector detector;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FrameSource frames;

    private final BundleContext context;
    private final ScheduledExecutorService scheduler;
    private final Path validatorDir;
    private final ModelRepositoryCore core;
    private volatile RepositoryConfig.Values config;

    /**
     * Opens the store and reconciles it with the detector's configuration in the background.
     *
     * @param context     this bundle's context, for {@code bakusoku.data} and the validator's class path
     * @param cfg         the configuration
     * @param configAdmin writes the detector's configuration
     * @param events      posts the repository's events
     * @throws IOException if the models folder cannot be opened
     */
    @Activate
    public ModelRepositoryComponent(BundleContext context, RepositoryConfig cfg,
            @Reference ConfigurationAdmin configAdmin, @Reference EventAdmin events) throws IOException {
        this.context = context;
        this.config = RepositoryConfig.Values.of(cfg);
        String data = context.getProperty("bakusoku.data");
        Path models = Path.of(data == null || data.isBlank() ? "./data" : data.strip()).resolve("models");
        this.validatorDir = models.resolve(".validator");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bakusoku-models");
            t.setDaemon(true);
            return t;
        });
        this.core = new ModelRepositoryCore(ModelStore.open(models), new ConfigAdminDetector(configAdmin,
                () -> detector), this::runIsolated, () -> config.repository(), (task, delayMs) -> {
                    var future = scheduler.schedule(task, delayMs, TimeUnit.MILLISECONDS);
                    return () -> future.cancel(false);
                }, (topic, props) -> events.postEvent(new Event(topic, props)), System::currentTimeMillis);
        scheduler.execute(core::start);
    }

    /**
     * Applies new limits and timeouts from the next operation on; a bad value is logged and the last good
     * configuration stays.
     *
     * @param cfg the new configuration
     */
    @Modified
    void modified(RepositoryConfig cfg) {
        try {
            config = RepositoryConfig.Values.of(cfg);
            LOG.info("Model repository configuration: {}", config);
        } catch (IllegalArgumentException e) {
            LOG.warn("Configuration rejected, keeping the current one: {}", e.getMessage());
        }
    }

    /** Cancels a pending confirmation and stops the scheduler thread. */
    @Deactivate
    void deactivate() throws InterruptedException {
        core.close();
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(DetectTopics.MODEL_ID) instanceof String id) {
            core.onDetected(id);
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (ConfigAdminDetector.PID.equals(event.getPid()) && event.getType() == ConfigurationEvent.CM_UPDATED) {
            scheduler.execute(core::start);
        }
    }

    /** Runs a model in a child JVM on a few live frames (a synthetic one without a camera). */
    private ChildValidator.Result runIsolated(Path model, Path labels, java.util.function.Consumer<String> progress)
            throws IOException, InterruptedException {
        RepositoryConfig.Values c = config;
        List<Path> classPath = ValidatorClassPath.build(context, validatorDir.resolve("cp"));
        ValidatorClassPath.prune(validatorDir.resolve("cp"), classPath);
        Path frameDir = Files.createTempDirectory(Files.createDirectories(validatorDir.resolve("work")), "frames-");
        try {
            List<Path> frameFiles = FrameFiles.write(liveFrames(c.validationFrames()), frameDir);
            ChildValidator validator = new ChildValidator(new ChildValidator.Settings(classPath,
                    ValidatorMain.class.getName(), c.validationHeapMb(), c.validationTimeoutMs(),
                    c.validationThreads(), validatorDir.resolve("work")));
            return validator.validate(model, labels, frameFiles, progress);
        } finally {
            AtomicFiles.deleteTree(frameDir);
        }
    }

    private List<Frame> liveFrames(int count) throws InterruptedException {
        FrameSource source = frames;
        List<Frame> list = new ArrayList<>();
        Frame frame = source == null ? null : source.latest();
        while (frame != null && list.size() < count) {
            list.add(frame);
            frame = source.awaitNewer(frame.sequence(), FRAME_WAIT_MS);
        }
        return list;
    }

    @Override
    public ModelManifest install(InputStream model, InputStream labels, String name) throws ModelException {
        return core.install(model, labels, name);
    }

    @Override
    public List<ModelManifest> list() {
        return core.list();
    }

    @Override
    public Optional<ModelManifest> get(String id) {
        return core.get(id);
    }

    @Override
    public Optional<ModelManifest> active() {
        return core.active();
    }

    @Override
    public Optional<ModelManifest> previous() {
        return core.previous();
    }

    @Override
    public ModelManifest activate(String id) throws ModelException {
        return core.activate(id);
    }

    @Override
    public ModelManifest rollback() throws ModelException {
        return core.rollback();
    }

    @Override
    public void delete(String id) throws ModelException {
        core.delete(id);
    }

    @Override
    public ModelManifest validate(String id) throws ModelException {
        return core.validate(id);
    }

    @Override
    public List<ModelTask> tasks() {
        return core.tasks();
    }

    @Override
    public Optional<ModelNotice> lastProblem() {
        return core.lastProblem();
    }

    @Override
    public long maxModelBytes() {
        return core.maxModelBytes();
    }
}
