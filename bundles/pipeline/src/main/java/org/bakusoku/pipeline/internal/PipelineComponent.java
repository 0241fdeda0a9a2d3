package org.bakusoku.pipeline.internal;

import java.util.Map;

import org.bakusoku.detect.DetectTopics;
import org.bakusoku.detect.Detector;
import org.bakusoku.frame.FrameSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link DetectionLoop} on one thread while EventAdmin is present.
 *
 * <p>Frame source and detector are optional, dynamic, greedy references: when the detector bundle is
 * updated in place, the loop idles while no detector is registered and picks up the new service at the
 * next frame, without this component (and so the pipeline thread) restarting.
 */
@Component(immediate = true)
public class PipelineComponent {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FrameSource source;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Detector detector;

    private final DetectionLoop loop;
    private final Thread thread;

    /**
     * Starts the pipeline thread.
     *
     * @param events EventAdmin used to post {@link DetectTopics#DETECTED}
     */
    @Activate
    public PipelineComponent(@Reference EventAdmin events) {
        loop = new DetectionLoop(() -> source, () -> detector,
                props -> events.postEvent(new Event(DetectTopics.DETECTED, (Map<String, ?>) props)));
        thread = new Thread(loop, "bakusoku-pipeline");
        thread.setDaemon(true);
        thread.start();
        LOG.info("pipeline started");
    }

    /** Stops the pipeline thread and waits for it. */
    @Deactivate
    void stop() throws InterruptedException {
        loop.stop();
        thread.interrupt();
        thread.join(5_000);
        LOG.info("pipeline stopped");
    }
}
