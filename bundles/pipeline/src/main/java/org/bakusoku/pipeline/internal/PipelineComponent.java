package org.bakusoku.pipeline.internal;

import java.util.HashMap;
import java.util.Map;

import org.bakusoku.detect.DetectTopics;
import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.Detector;
import org.bakusoku.frame.FrameSource;
import org.bakusoku.pipeline.Pipeline;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
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
 * Runs the {@link Pipeline} (preprocessing and inference threads) while EventAdmin is present and posts one
 * {@link DetectTopics#DETECTED} event per analysed frame.
 *
 * <p>Frame source and detector are optional, dynamic, greedy references: when the detector bundle is
 * updated in place, the pipeline idles while no detector is registered and picks up the new service at the
 * next frame, without this component (and so the pipeline threads) restarting. The detector is held through
 * {@link DetectorHandle}, which also recovers from a detector that failed to activate.
 */
@Component(immediate = true)
public class PipelineComponent {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FrameSource source;

    private final DetectorHandle detector;
    private final Pipeline pipeline;

    /**
     * Starts the pipeline threads.
     *
     * @param context this bundle's context, through which the detector service is got ({@link DetectorHandle})
     * @param events  EventAdmin used to post {@link DetectTopics#DETECTED}
     */
    @Activate
    public PipelineComponent(BundleContext context, @Reference EventAdmin events) {
        detector = new DetectorHandle(context, () -> System.nanoTime() / 1_000_000);
        pipeline = new Pipeline(() -> source, detector,
                (result, timeline, fps) -> events.postEvent(new Event(DetectTopics.DETECTED, eventProperties(result, fps))));
        pipeline.start();
        LOG.info("pipeline started: threads {} and {}", Pipeline.PREPROCESS_THREAD, Pipeline.INFERENCE_THREAD);
    }

    /** Stops the pipeline threads and waits for them. */
    @Deactivate
    void stop() throws InterruptedException {
        pipeline.stop();
        detector.close();
        LOG.info("pipeline stopped");
    }

    /** @param ref a detector service; the best ranked one is used (greedy) */
    @Reference(service = Detector.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedDetector", unbind = "unbindDetector")
    void bindDetector(ServiceReference<Detector> ref) {
        detector.bind(ref);
    }

    /** @param ref the detector service whose properties (configuration) changed */
    void updatedDetector(ServiceReference<Detector> ref) {
        detector.updated(ref);
    }

    /** @param ref a detector service going away */
    void unbindDetector(ServiceReference<Detector> ref) {
        detector.unbind(ref);
    }

    /**
     * @param result the detections, with the capture-to-result latency as {@code timings.totalMs}
     * @param fps    frames analysed per second
     * @return the properties of a {@link DetectTopics#DETECTED} event
     */
    static Map<String, Object> eventProperties(DetectionResult result, double fps) {
        Map<String, Object> props = new HashMap<>();
        props.put(DetectTopics.RESULT, result);
        props.put(DetectTopics.LABELS, result.detections().stream().map(Detection::label).toArray(String[]::new));
        props.put(DetectTopics.MODEL_ID, result.model().id());
        props.put(DetectTopics.FRAME_TIME, result.frame().timestampMs());
        props.put(DetectTopics.FPS, fps);
        return props;
    }
}
