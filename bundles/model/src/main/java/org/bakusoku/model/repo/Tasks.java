package org.bakusoku.model.repo;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.bakusoku.model.ModelTask;

/** Operations in progress, for {@link org.bakusoku.model.ModelRepository#tasks()}. Thread-safe. */
final class Tasks {

    /** One running operation; {@link #step} updates what the console shows, {@link #close} removes it. */
    final class Handle implements AutoCloseable {
        private final long key;

        private Handle(long key) {
            this.key = key;
        }

        /**
         * @param text    the current step in plain words
         * @param percent rough progress 0..100
         */
        void step(String text, int percent) {
            running.computeIfPresent(key, (k, t) -> new ModelTask(t.kind(), t.model(), text, percent,
                    t.startedAtMs()));
        }

        @Override
        public void close() {
            running.remove(key);
        }
    }

    private final Map<Long, ModelTask> running = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();
    private final LongSupplier nowMs;

    Tasks(LongSupplier nowMs) {
        this.nowMs = nowMs;
    }

    /**
     * @param kind  {@code install}, {@code validate} or {@code activate}
     * @param model the model's name or id
     * @param step  the first step
     * @return the handle
     */
    Handle start(String kind, String model, String step) {
        long key = keys.incrementAndGet();
        running.put(key, new ModelTask(kind, model, step, 0, nowMs.getAsLong()));
        return new Handle(key);
    }

    /** @return running operations, oldest first */
    List<ModelTask> list() {
        return running.values().stream().sorted(Comparator.comparingLong(ModelTask::startedAtMs)).toList();
    }
}
