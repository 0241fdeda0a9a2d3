package org.bakusoku.model.repo;

import java.io.IOException;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.bakusoku.model.ModelException;
import org.bakusoku.model.ModelException.Reason;
import org.bakusoku.model.ModelInfo;
import org.bakusoku.model.ModelManifest;
import org.bakusoku.model.store.ModelStore;
import org.bakusoku.model.store.RepositoryState;

/**
 * Activates models and rolls back: saves the choice, tells the detector (which swaps interpreters between two
 * frames), then watches the detector's {@code DETECTED} events for the new model's id.
 *
 * <p>An activation is confirmed when {@code confirm.frames} frames came out of the new model. If
 * {@code confirm.timeout.ms} passes first, the repository rolls back by itself when
 * <ul>
 * <li>the detector still runs another model (it could not load the new one), or</li>
 * <li>frames were being analysed before the switch but the new model produced fewer than {@code confirm.frames}
 * (it fails on frames: the pipeline posts nothing for a frame the detector failed on).</li>
 * </ul>
 * If no frames were being analysed before the switch either (no camera), nothing can be confirmed: the activation
 * stands and ACTIVATED says so. Event handling ({@link #onDetected}) only counts, well within EventAdmin's budget.
 */
final class Activator {

    /** An activation waiting for frames; replaced as a whole. */
    private record Watch(ModelManifest model, ModelManifest previous, long startedAtMs, boolean framesBefore,
            int frames, Runnable cancelTimeout, Tasks.Handle task) {

        Watch counted() {
            return new Watch(model, previous, startedAtMs, framesBefore, frames + 1, cancelTimeout, task);
        }
    }

    private final ModelStore store;
    private final DetectorControl detector;
    private final Supplier<RepositorySettings> settings;
    private final Scheduler scheduler;
    private final Tasks tasks;
    private final Notices notices;
    private final LongSupplier nowMs;
    /** Guarded by {@code this}. */
    private Watch watch;
    private volatile long lastDetectedAtMs = Long.MIN_VALUE / 2;

    Activator(ModelStore store, DetectorControl detector, Supplier<RepositorySettings> settings, Scheduler scheduler,
            Tasks tasks, Notices notices, LongSupplier nowMs) {
        this.store = store;
        this.detector = detector;
        this.settings = settings;
        this.scheduler = scheduler;
        this.tasks = tasks;
        this.notices = notices;
        this.nowMs = nowMs;
    }

    /** See {@link org.bakusoku.model.ModelRepository#activate}. */
    synchronized ModelManifest activate(ModelManifest model) throws ModelException {
        RepositoryState state = store.state();
        if (model.sha256().equals(state.active()) && watch == null) {
            return model;
        }
        ModelManifest previous = state.active() == null ? null : store.find(state.active()).orElse(null);
        switchTo(model, state.activate(model.sha256()));
        startWatch(model, previous);
        return model;
    }

    /** See {@link org.bakusoku.model.ModelRepository#rollback}. */
    synchronized ModelManifest rollback() throws ModelException {
        RepositoryState state = store.state();
        if (state.history().isEmpty()) {
            throw new ModelException(Reason.NOTHING_TO_ROLL_BACK, "there is no earlier model to roll back to");
        }
        String from = state.active() == null ? null : state.active().substring(0, 12);
        RepositoryState next = state.rollBack();
        ModelManifest target = store.find(next.active()).orElseThrow();
        stopWatch();
        switchTo(target, next);
        notices.rolledBack(target, from, "rolled back on request", true);
        return target;
    }

    /**
     * Counts a {@code DETECTED} event; called on EventAdmin's thread, returns at once.
     *
     * @param modelId the {@code model.id} of the event
     */
    void onDetected(String modelId) {
        lastDetectedAtMs = nowMs.getAsLong();
        synchronized (this) {
            if (watch == null || !watch.model().id().equals(modelId)) {
                return;
            }
            watch = watch.counted();
            int needed = settings.get().confirmFrames();
            if (watch.frames() >= needed) {
                Watch done = stopWatch();
                notices.activated(done.model(), "the detector ran it on " + done.frames() + " frame(s), "
                        + (nowMs.getAsLong() - done.startedAtMs()) + " ms after the switch");
            } else {
                watch.task().step("the detector ran it on " + watch.frames() + " of " + needed + " frame(s)",
                        50 + 50 * watch.frames() / needed);
            }
        }
    }

    /** @return the model being confirmed, if any */
    synchronized Optional<ModelManifest> confirming() {
        return watch == null ? Optional.empty() : Optional.of(watch.model());
    }

    /** Cancels a pending confirmation (the repository is stopping). */
    synchronized void close() {
        stopWatch();
    }

    private void switchTo(ModelManifest model, RepositoryState next) throws ModelException {
        store.saveState(next);
        try {
            detector.use(store.modelFile(model), store.labelsFile(model), model.name());
        } catch (IOException e) {
            throw new ModelException(Reason.STORAGE, "the detector could not be told to use the model: "
                    + e.getMessage(), model.id(), e);
        }
    }

    private void startWatch(ModelManifest model, ModelManifest previous) {
        stopWatch();
        long now = nowMs.getAsLong();
        long timeout = settings.get().confirmTimeoutMs();
        boolean framesBefore = now - lastDetectedAtMs <= timeout;
        Tasks.Handle task = tasks.start("activate", model.id(), "waiting for the detector to switch");
        Runnable cancel = scheduler.schedule(() -> timedOut(model), timeout);
        watch = new Watch(model, previous, now, framesBefore, 0, cancel, task);
    }

    private Watch stopWatch() {
        Watch w = watch;
        if (w != null) {
            w.cancelTimeout().run();
            w.task().close();
            watch = null;
        }
        return w;
    }

    private synchronized void timedOut(ModelManifest model) {
        if (watch == null || !watch.model().sha256().equals(model.sha256())) {
            return; // confirmed, superseded or rolled back meanwhile
        }
        Watch w = stopWatch();
        long seconds = settings.get().confirmTimeoutMs() / 1000;
        Optional<ModelInfo> running = detector.running();
        String reason;
        if (running.isPresent() && !running.get().id().equals(model.id())) {
            reason = "the detector kept running " + running.get().name() + " (" + running.get().id() + "): it could"
                    + " not load " + model.name() + " (see the appliance log)";
        } else if (w.framesBefore()) {
            reason = "the detector produced " + (w.frames() == 0 ? "no result" : "only " + w.frames() + " result(s)")
                    + " with " + model.name() + " within " + seconds + " s of the switch: it fails on frames";
        } else {
            notices.activated(model, "the detector switched to it; no frames are being analysed, so it is not yet"
                    + " confirmed on frames");
            return;
        }
        notices.failed(model.id(), model.name(), reason);
        autoRollback(model, w.previous(), reason);
    }

    private void autoRollback(ModelManifest failed, ModelManifest previous, String reason) {
        RepositoryState state = store.state();
        if (previous == null || state.history().isEmpty()) {
            return; // nothing to go back to; FAILED says why
        }
        try {
            RepositoryState next = state.rollBack();
            ModelManifest target = store.find(next.active()).orElseThrow();
            switchTo(target, next);
            notices.rolledBack(target, failed.id(), reason, false);
        } catch (ModelException e) {
            notices.failed(failed.id(), failed.name(), "automatic roll-back failed: " + e.getMessage());
        }
    }
}
