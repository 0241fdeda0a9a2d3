package org.bakusoku.model.internal;

import org.bakusoku.model.repo.RepositorySettings;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the model repository, PID {@value #PID}; attribute names carry their unit. */
@ObjectClassDefinition(name = "Bakusoku model repository",
        description = "Upload limit, validation of new models in a separate process, and how an activation is"
                + " confirmed or rolled back.")
public @interface RepositoryConfig {

    /** Configuration PID. */
    String PID = "org.bakusoku.model";

    @AttributeDefinition(name = "Upload limit (bytes)", min = "1024", max = "1073741824", description = "Largest"
            + " model file accepted, bytes, 1024..1073741824; an upload is cut off at this size. Default 64 MiB.")
    long upload_max_bytes() default RepositorySettings.DEFAULT_MAX_BYTES;

    @AttributeDefinition(name = "Frames to confirm", min = "1", max = "100", description = "Frames the detector must"
            + " report with a newly activated model before it counts as working, 1..100.")
    int confirm_frames() default 3;

    @AttributeDefinition(name = "Confirmation timeout (ms)", min = "1000", max = "600000", description = "How long"
            + " an activation may wait for those frames before the repository rolls back by itself, ms,"
            + " 1000..600000.")
    long confirm_timeout_ms() default 20_000;

    @AttributeDefinition(name = "Validation timeout (ms)", min = "5000", max = "600000", description = "How long the"
            + " separate validation process may take (JVM start, model load, frames) before it is killed, ms,"
            + " 5000..600000.")
    long validation_timeout_ms() default 60_000;

    @AttributeDefinition(name = "Validation heap (MiB)", min = "32", max = "4096", description = "Java heap limit"
            + " (-Xmx) of the validation process, MiB, 32..4096. TensorFlow Lite's own buffers are native memory.")
    int validation_heap_mb() default 256;

    @AttributeDefinition(name = "Validation threads", min = "0", max = "64", description = "TFLite interpreter"
            + " threads in the validation process, 1..64; 0 = one per CPU core (as the detector's default).")
    int validation_threads() default 0;

    @AttributeDefinition(name = "Validation frames", min = "1", max = "10", description = "Live frames the new model"
            + " runs on in the validation process, 1..10 (a synthetic frame without a camera).")
    int validation_frames() default 3;

    /**
     * Validated values.
     *
     * @param repository          upload limit and confirmation
     * @param validationTimeoutMs child JVM timeout, ms
     * @param validationHeapMb    child JVM heap, MiB
     * @param validationThreads   interpreter threads, 1..64
     * @param validationFrames    frames per validation, 1..10
     */
    record Values(RepositorySettings repository, long validationTimeoutMs, int validationHeapMb, int validationThreads,
            int validationFrames) {

        /**
         * @param c the configuration
         * @return the validated values
         * @throws IllegalArgumentException naming the first bad value and its range
         */
        static Values of(RepositoryConfig c) {
            if (c.validation_timeout_ms() < 5_000 || c.validation_timeout_ms() > 600_000) {
                throw new IllegalArgumentException("validation.timeout.ms must be 5000..600000, got "
                        + c.validation_timeout_ms());
            }
            if (c.validation_heap_mb() < 32 || c.validation_heap_mb() > 4096) {
                throw new IllegalArgumentException("validation.heap.mb must be 32..4096, got " + c.validation_heap_mb());
            }
            if (c.validation_threads() < 0 || c.validation_threads() > 64) {
                throw new IllegalArgumentException("validation.threads must be 0..64, got " + c.validation_threads());
            }
            if (c.validation_frames() < 1 || c.validation_frames() > 10) {
                throw new IllegalArgumentException("validation.frames must be 1..10, got " + c.validation_frames());
            }
            int threads = c.validation_threads() > 0 ? c.validation_threads()
                    : Math.min(64, Runtime.getRuntime().availableProcessors());
            return new Values(new RepositorySettings(c.upload_max_bytes(), c.confirm_frames(), c.confirm_timeout_ms()),
                    c.validation_timeout_ms(), c.validation_heap_mb(), threads, c.validation_frames());
        }
    }
}
