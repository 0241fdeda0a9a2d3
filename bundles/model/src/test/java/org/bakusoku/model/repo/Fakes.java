package org.bakusoku.model.repo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bakusoku.model.ModelInfo;
import org.bakusoku.model.isolate.ChildValidator;

/** Test doubles for the repository's ports: detector, scheduler, events, clock and the isolated run. */
final class Fakes {

    private Fakes() {
    }

    /** A detector configuration that records what it was told, and a running model the test sets. */
    static final class Detector implements DetectorControl {
        final List<Configured> used = new CopyOnWriteArrayList<>();
        volatile Configured configured;
        volatile ModelInfo running;

        @Override
        public void use(Path model, Path labels, String name) {
            Configured c = new Configured(model, labels, name);
            used.add(c);
            configured = c;
        }

        @Override
        public Optional<Configured> configured() {
            return Optional.ofNullable(configured);
        }

        @Override
        public Optional<ModelInfo> running() {
            return Optional.ofNullable(running);
        }
    }

    /** A scheduler whose tasks run when the test says so. */
    static final class ManualScheduler implements Scheduler {
        private final List<Runnable> pending = new ArrayList<>();

        @Override
        public synchronized Runnable schedule(Runnable task, long delayMs) {
            pending.add(task);
            return () -> {
                synchronized (this) {
                    pending.remove(task);
                }
            };
        }

        /** Runs every pending task, as if their delays had passed. */
        void runAll() {
            List<Runnable> now;
            synchronized (this) {
                now = new ArrayList<>(pending);
                pending.clear();
            }
            now.forEach(Runnable::run);
        }

        synchronized int pending() {
            return pending.size();
        }
    }

    /** Posted events: topic and properties. */
    record Posted(String topic, Map<String, Object> props) {
    }

    /** Records posted events. */
    static final class Events {
        final List<Posted> posted = new CopyOnWriteArrayList<>();

        void post(String topic, Map<String, Object> props) {
            posted.add(new Posted(topic, new HashMap<>(props)));
        }

        List<String> topics() {
            return posted.stream().map(Posted::topic).toList();
        }

        Posted last() {
            return posted.get(posted.size() - 1);
        }
    }

    /** An isolated run that passes (or fails with a set reason) without a child JVM. */
    static final class Isolated implements IsolatedRun {
        volatile String failure;
        final List<Path> ran = new CopyOnWriteArrayList<>();

        @Override
        public ChildValidator.Result run(Path model, Path labels, java.util.function.Consumer<String> progress) {
            ran.add(model);
            progress.accept("ran frame 1 of 1");
            return failure == null ? new ChildValidator.Result(true, "ran on 1 frame(s)", 12.5)
                    : new ChildValidator.Result(false, failure, 0);
        }
    }
}
