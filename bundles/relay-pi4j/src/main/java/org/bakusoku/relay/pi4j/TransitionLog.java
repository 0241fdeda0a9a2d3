package org.bakusoku.relay.pi4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.bakusoku.relay.RelayEvent;
import org.bakusoku.relay.RelayTopics;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last {@value #CAPACITY} relay transitions and faults, kept for the console and posted on
 * {@link RelayTopics#CHANGED} / {@link RelayTopics#ERROR}. Thread-safe.
 */
final class TransitionLog {

    /** Entries kept; older ones are dropped. */
    static final int CAPACITY = 200;

    private static final Logger LOG = LoggerFactory.getLogger(TransitionLog.class);

    private final EventAdmin events;
    private final Deque<RelayEvent> entries = new ArrayDeque<>(CAPACITY);

    /** @param events where entries are posted; posting failures are logged, never thrown */
    TransitionLog(EventAdmin events) {
        this.events = events;
    }

    /**
     * Keeps and posts one entry.
     *
     * @param entry a transition or a fault
     */
    void add(RelayEvent entry) {
        synchronized (entries) {
            if (entries.size() == CAPACITY) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(RelayTopics.ID, entry.id());
        properties.put(RelayTopics.ON, entry.on());
        properties.put(RelayTopics.BCM_PIN, entry.bcmPin());
        properties.put(RelayTopics.REASON, entry.reason());
        properties.put(RelayTopics.TIME, entry.atMs());
        if (entry.rule() != null) {
            properties.put(RelayTopics.RULE, entry.rule());
        }
        if (entry.detection() != null) {
            properties.put(RelayTopics.DETECTION, entry.detection());
        }
        String topic = entry.error() ? RelayTopics.ERROR : RelayTopics.CHANGED;
        try {
            events.postEvent(new Event(topic, properties));
        } catch (RuntimeException e) {
            // EventAdmin may already be stopping at framework shutdown; the relay switched all the same.
            LOG.warn("relay {}: posting {} failed: {}", entry.id(), topic, e.toString());
        }
    }

    /**
     * @param limit most entries wanted; values below 1 give none
     * @return newest first
     */
    List<RelayEvent> recent(int limit) {
        synchronized (entries) {
            List<RelayEvent> out = new ArrayList<>(Math.min(Math.max(limit, 0), entries.size()));
            for (Iterator<RelayEvent> it = entries.descendingIterator(); it.hasNext() && out.size() < limit;) {
                out.add(it.next());
            }
            return out;
        }
    }
}
