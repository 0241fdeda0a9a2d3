package org.bakusoku.camera.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bakusoku.camera.snapshot.SnapshotStore;
import org.bakusoku.camera.snapshot.SnapshotTaker;
import org.bakusoku.detect.DetectTopics;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.frame.FrameSource;
import org.bakusoku.frame.Snapshots;
import org.bakusoku.relay.RelayTopics;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a snapshot on every confirmed rule trigger: a {@link RelayTopics#CHANGED} event with {@code on = true} and a
 * {@link RelayTopics#RULE} (manual switching is not a trigger). The JPEG is drawn and written on its own thread,
 * {@value #SETTLE_MS} ms after the trigger (EventAdmin may deliver the triggering frame's DETECTED event after the
 * relay's event, as they come from different threads); one snapshot at a time, triggers meanwhile are skipped.
 * Files go to {@code <bakusoku.data>/snapshots}. PID {@value #PID}.
 */
@Component(configurationPid = SnapshotComponent.PID, service = { Snapshots.class, EventHandler.class },
        property = { EventConstants.EVENT_TOPIC + "=" + DetectTopics.DETECTED,
                EventConstants.EVENT_TOPIC + "=" + RelayTopics.CHANGED })
@Designate(ocd = SnapshotComponent.Config.class)
public final class SnapshotComponent implements Snapshots, EventHandler {

    /** Configuration PID. */
    public static final String PID = "org.bakusoku.camera.snapshots";
    /** Delay between a trigger and its snapshot, ms. */
    static final long SETTLE_MS = 250;

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotComponent.class);

    /** Bounds of the snapshot folder. */
    @ObjectClassDefinition(id = PID, name = "Bakusoku snapshots",
            description = "JPEG snapshots with boxes, saved when a detection rule switches a relay on; the oldest"
                    + " are deleted first.")
    public @interface Config {
        @AttributeDefinition(name = "Most snapshots", description = "Most snapshots kept, 1..100000.",
                min = "1", max = "100000")
        int max_count() default 200;

        @AttributeDefinition(name = "Most space (MB)", description = "Most disk space the snapshots' JPEGs use,"
                + " megabytes (10^6 bytes), 1..100000.", min = "1", max = "100000")
        long max_total_mb() default 100;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FrameSource source;

    private final SnapshotStore store;
    private final SnapshotTaker taker;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bakusoku-camera-snapshots");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    /**
     * @param config  the bounds
     * @param context for the framework property {@code bakusoku.data} (default {@code ./data})
     */
    @Activate
    public SnapshotComponent(Config config, BundleContext context) {
        String data = context.getProperty("bakusoku.data");
        Path dir = Path.of(data == null || data.isBlank() ? "./data" : data.strip(), "snapshots");
        store = new SnapshotStore(dir, 200, 100_000_000L);
        taker = new SnapshotTaker(store, () -> source);
        modified(config);
    }

    @Modified
    void modified(Config config) {
        try {
            store.limits(config.max_count(), Math.multiplyExact(config.max_total_mb(), 1_000_000L));
        } catch (IllegalArgumentException | ArithmeticException e) {
            LOG.warn("camera: ignoring snapshot limits {} / {} MB, the last good ones stay: {}", config.max_count(),
                    config.max_total_mb(), e.getMessage());
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(DetectTopics.RESULT) instanceof DetectionResult result) {
            taker.detected(result);
        } else if (RelayTopics.CHANGED.equals(event.getTopic()) && Boolean.TRUE.equals(event.getProperty(RelayTopics.ON))
                && event.getProperty(RelayTopics.RULE) != null && pending.compareAndSet(false, true)) {
            String reason = String.valueOf(event.getProperty(RelayTopics.REASON));
            try {
                worker.schedule(() -> {
                    pending.set(false);
                    taker.take(reason);
                }, SETTLE_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                pending.set(false); // deactivating
            }
        }
    }

    @Override
    public List<Snapshot> recent(int limit) {
        return store.recent(limit);
    }

    @Override
    public Optional<byte[]> jpeg(String id) {
        return store.jpeg(id);
    }
}
