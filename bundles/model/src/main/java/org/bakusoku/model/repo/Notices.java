package org.bakusoku.model.repo;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

import org.bakusoku.model.ModelManifest;
import org.bakusoku.model.ModelNotice;
import org.bakusoku.model.ModelTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the repository's {@link ModelTopics} events, logs each one on one line, and remembers the last failure or
 * roll-back for the console.
 */
public final class Notices {

    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

    private final BiConsumer<String, Map<String, Object>> poster;
    private final LongSupplier nowMs;
    private final AtomicReference<ModelNotice> lastProblem = new AtomicReference<>();

    /**
     * @param poster posts an event (EventAdmin {@code postEvent}); must not block
     * @param nowMs  the clock, epoch ms
     */
    public Notices(BiConsumer<String, Map<String, Object>> poster, LongSupplier nowMs) {
        this.poster = poster;
        this.nowMs = nowMs;
    }

    /**
     * @param model  the model now active and confirmed
     * @param detail how it was confirmed
     */
    void activated(ModelManifest model, String detail) {
        LOG.info("Model {} ('{}' v{}) active: {}", model.id(), model.name(), model.version(), detail);
        post(ModelTopics.ACTIVATED, model.id(), model.name(), null, detail, false);
    }

    /**
     * @param modelId the model concerned, or null (e.g. a refused upload)
     * @param name    its name, or null
     * @param reason  why, in plain words
     */
    void failed(String modelId, String name, String reason) {
        LOG.warn("Model {} failed: {}", modelId != null ? modelId : name, reason);
        post(ModelTopics.FAILED, modelId, name, null, reason, true);
    }

    /**
     * @param now    the model active again
     * @param fromId the model that was replaced
     * @param reason    why
     * @param onRequest true when a user asked for it: an event and a log line, but not a problem to show
     */
    void rolledBack(ModelManifest now, String fromId, String reason, boolean onRequest) {
        if (onRequest) {
            LOG.info("Model rolled back from {} to {} ('{}'): {}", fromId, now.id(), now.name(), reason);
        } else {
            LOG.warn("Model rolled back from {} to {} ('{}'): {}", fromId, now.id(), now.name(), reason);
        }
        post(ModelTopics.ROLLED_BACK, now.id(), now.name(), fromId, reason, !onRequest);
    }

    /** @return the last FAILED notice or automatic roll-back */
    Optional<ModelNotice> lastProblem() {
        return Optional.ofNullable(lastProblem.get());
    }

    private void post(String topic, String modelId, String name, String fromId, String reason, boolean problem) {
        long now = nowMs.getAsLong();
        if (problem) {
            lastProblem.set(new ModelNotice(topic, modelId, reason, now));
        }
        Map<String, Object> props = new HashMap<>();
        if (modelId != null) {
            props.put(ModelTopics.MODEL_ID, modelId);
        }
        if (name != null) {
            props.put(ModelTopics.MODEL_NAME, name);
        }
        if (fromId != null) {
            props.put(ModelTopics.FROM_ID, fromId);
        }
        props.put(ModelTopics.REASON, reason);
        props.put(ModelTopics.TIME, now);
        poster.accept(topic, props);
    }
}
