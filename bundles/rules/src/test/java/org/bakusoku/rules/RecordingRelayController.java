package org.bakusoku.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bakusoku.relay.RelayController;
import org.bakusoku.relay.RelayState;

/** Records pulses; knows a fixed set of relay ids and refuses others as the real controller does. */
final class RecordingRelayController implements RelayController {

    record Pulse(String id, long durationMs, String reason) {
    }

    final List<Pulse> pulses = new ArrayList<>();
    private final Set<String> ids;

    RecordingRelayController(String... ids) {
        this.ids = Set.of(ids);
    }

    @Override
    public List<RelayState> relays() {
        return ids.stream().sorted().map(id -> new RelayState(id, id, 17, false, false, 0L, "")).toList();
    }

    @Override
    public Optional<RelayState> state(String id) {
        return relays().stream().filter(state -> state.id().equals(id)).findFirst();
    }

    @Override
    public void set(String id, boolean on, String reason) {
        throw new AssertionError("rules only pulse in this release");
    }

    @Override
    public void pulse(String id, long durationMs, String reason) {
        if (!ids.contains(id)) {
            throw new IllegalArgumentException("no relay has id '" + id + "'");
        }
        pulses.add(new Pulse(id, durationMs, reason));
    }
}
