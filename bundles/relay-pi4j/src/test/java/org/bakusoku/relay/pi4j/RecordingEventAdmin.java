package org.bakusoku.relay.pi4j;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Keeps every posted event, in order; sending synchronously is not expected from the controller. */
public final class RecordingEventAdmin implements EventAdmin {

    public final List<Event> posted = new ArrayList<>();

    @Override
    public void postEvent(Event event) {
        posted.add(event);
    }

    @Override
    public void sendEvent(Event event) {
        throw new AssertionError("relay events must be posted asynchronously, not sent: " + event);
    }
}
