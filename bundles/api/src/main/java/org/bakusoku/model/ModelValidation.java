package org.bakusoku.model;

/**
 * The outcome of running a model in isolation (a child JVM) on a few frames.
 *
 * @param status      what happened
 * @param message     the outcome in plain words, e.g. {@code "ran on 3 frames, 2 detections on the first"} or the
 *                    reason of a failure
 * @param invokeMs    median {@code Interpreter::Invoke()} time measured on this device, milliseconds; 0 when not run
 * @param validatedAtMs when it ran, epoch ms; 0 when not run
 */
public record ModelValidation(Status status, String message, double invokeMs, long validatedAtMs) {

    /** Outcome of a validation. */
    public enum Status {
        /** Loaded and ran on every frame in the child JVM. */
        PASSED,
        /** Did not load or run; {@code message} says why. */
        FAILED,
        /** Not run in isolation yet (e.g. the model that was configured before the repository existed). */
        NOT_RUN
    }

    /**
     * @param message why it was not run
     * @return a validation that has not run
     */
    public static ModelValidation notRun(String message) {
        return new ModelValidation(Status.NOT_RUN, message, 0, 0);
    }
}
