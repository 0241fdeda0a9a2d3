package org.bakusoku.model.repo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.bakusoku.model.isolate.ChildValidator;

/** Runs a model on a few frames where a crash cannot hurt the appliance (a child JVM). */
@FunctionalInterface
public interface IsolatedRun {

    /**
     * @param model    the {@code .tflite} file
     * @param labels   its label file, or null
     * @param progress receives short progress texts
     * @return the outcome
     * @throws IOException if the isolated process cannot be started
     * @throws InterruptedException if interrupted (the process is stopped)
     */
    ChildValidator.Result run(Path model, Path labels, Consumer<String> progress)
            throws IOException, InterruptedException;
}
