package org.bakusoku.model.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Which model is active and which were active before it, by SHA-256; stored as {@code state.json}.
 *
 * @param active  SHA-256 of the active model, or null if the detector runs a model outside the repository
 * @param history earlier active models, most recent last, at most {@link #MAX_HISTORY}
 */
public record RepositoryState(String active, List<String> history) {

    /** How many earlier models a roll-back can go back through. */
    public static final int MAX_HISTORY = 16;

    /** Copies the history so that the record is immutable. */
    public RepositoryState {
        history = List.copyOf(history);
    }

    /** @return the state of a fresh repository */
    public static RepositoryState empty() {
        return new RepositoryState(null, List.of());
    }

    /**
     * @param sha256 the model to activate
     * @return the state after activating it: the current one (if any, and different) joins the history
     */
    public RepositoryState activate(String sha256) {
        List<String> next = new ArrayList<>(history);
        if (active != null && !active.equals(sha256)) {
            next.remove(active);
            next.add(active);
        }
        next.remove(sha256);
        while (next.size() > MAX_HISTORY) {
            next.remove(0);
        }
        return new RepositoryState(sha256, next);
    }

    /** @return the state after rolling back: the last history entry becomes active, the current one is dropped */
    public RepositoryState rollBack() {
        if (history.isEmpty()) {
            throw new IllegalStateException("no earlier model");
        }
        List<String> next = new ArrayList<>(history);
        String previous = next.remove(next.size() - 1);
        return new RepositoryState(previous, next);
    }

    /**
     * @param sha256 a model being deleted
     * @return the state without it in the history
     */
    public RepositoryState forget(String sha256) {
        List<String> next = new ArrayList<>(history);
        next.remove(sha256);
        return new RepositoryState(sha256.equals(active) ? null : active, next);
    }
}
