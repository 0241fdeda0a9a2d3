package org.bakusoku.camera.internal;

import org.bakusoku.camera.live.LiveEncoder;
import org.bakusoku.detect.DetectTopics;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.frame.FrameSource;
import org.bakusoku.frame.LiveView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The {@link LiveView} service: a thin wrapper around {@link LiveEncoder} at most {@value #MAX_FPS} pictures per
 * second, fed with the boxes of {@link DetectTopics#DETECTED} events.
 */
@Component(service = { LiveView.class, EventHandler.class },
        property = EventConstants.EVENT_TOPIC + "=" + DetectTopics.DETECTED)
public final class LiveViewComponent implements LiveView, EventHandler {

    /** Most live-view pictures per second: smooth enough to watch, cheap enough on a Pi (one JPEG each). */
    static final double MAX_FPS = 10;

    private final LiveEncoder encoder;

    /** @param source the camera */
    @Activate
    public LiveViewComponent(@Reference FrameSource source) {
        encoder = new LiveEncoder(source, MAX_FPS);
    }

    @Deactivate
    void deactivate() {
        encoder.close();
    }

    @Override
    public Picture awaitNewer(long afterSequence, long timeoutMs) throws InterruptedException {
        return encoder.awaitNewer(afterSequence, timeoutMs);
    }

    /** Keeps the latest boxes: swaps one reference, well within EventAdmin's time budget. */
    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(DetectTopics.RESULT) instanceof DetectionResult result) {
            encoder.detections(result);
        }
    }
}
