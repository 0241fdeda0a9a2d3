package org.bakusoku.model;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores detection models as data, content-addressed by SHA-256, and chooses which one the detector runs.
 *
 * <p>A model is validated before it is stored: a structural check of the flatbuffer, then a run on a few frames in
 * a separate JVM, so that a model that crashes TensorFlow Lite can only crash that process. Activation hands the
 * model to the detector, which swaps it in between two frames; if the detector does not report the new model on
 * frames in time, the repository rolls back by itself. Results are posted on {@link ModelTopics}. The active
 * choice survives a restart. All methods may be called from any thread.
 */
@ProviderType
public interface ModelRepository {

    /**
     * Validates and stores a model. Returns once the model is stored (atomically: a failed or interrupted install
     * leaves nothing listed) or refused.
     *
     * @param model  the {@code .tflite} bytes; read up to the size limit, not closed
     * @param labels the label file (UTF-8, one label per line), or null for none; not closed
     * @param name   the name to show; 1..64 letters, digits, spaces, {@code . _ -}
     * @return the new manifest
     * @throws ModelException {@link ModelException.Reason#INVALID_MODEL} with the reason,
     *                        {@link ModelException.Reason#INVALID_REQUEST} for a bad name or label file,
     *                        {@link ModelException.Reason#TOO_LARGE}, {@link ModelException.Reason#ALREADY_INSTALLED}
     *                        with the installed id, or {@link ModelException.Reason#STORAGE}
     */
    ModelManifest install(InputStream model, InputStream labels, String name) throws ModelException;

    /** @return the installed models, oldest first */
    List<ModelManifest> list();

    /**
     * @param id a model id (12 hex digits)
     * @return its manifest, or empty
     */
    Optional<ModelManifest> get(String id);

    /** @return the model chosen to run, or empty if the detector runs a model the repository does not hold */
    Optional<ModelManifest> active();

    /**
     * @return the model {@link #rollback()} would make active (the most recent earlier active model that is
     *         still installed), or empty if there is nothing to roll back to
     */
    Optional<ModelManifest> previous();

    /**
     * Makes a model the active one: the detector loads it beside the current one and swaps between two frames.
     * Returns once the detector has been told; {@link ModelTopics#ACTIVATED} or {@link ModelTopics#ROLLED_BACK}
     * follows when the detector has (or has not) run it on frames.
     *
     * @param id a model id
     * @return its manifest
     * @throws ModelException {@link ModelException.Reason#NOT_FOUND}, or {@link ModelException.Reason#STORAGE} if the
     *                        choice cannot be saved
     */
    ModelManifest activate(String id) throws ModelException;

    /**
     * Makes the previously active model active again.
     *
     * @return the manifest of the model now active
     * @throws ModelException {@link ModelException.Reason#NOTHING_TO_ROLL_BACK} or
     *                        {@link ModelException.Reason#STORAGE}
     */
    ModelManifest rollback() throws ModelException;

    /**
     * Removes a model that is not active.
     *
     * @param id a model id
     * @throws ModelException {@link ModelException.Reason#NOT_FOUND}, {@link ModelException.Reason#ACTIVE} or
     *                        {@link ModelException.Reason#STORAGE}
     */
    void delete(String id) throws ModelException;

    /**
     * Runs an installed model again in a separate JVM and stores the outcome and the measured invoke time.
     *
     * @param id a model id
     * @return the manifest with the new validation (which may be {@link ModelValidation.Status#FAILED})
     * @throws ModelException {@link ModelException.Reason#NOT_FOUND} or {@link ModelException.Reason#STORAGE}
     */
    ModelManifest validate(String id) throws ModelException;

    /** @return operations in progress (installs, validations, activations awaiting confirmation) */
    List<ModelTask> tasks();

    /** @return the last failure or roll-back, to show plainly in the console; empty if none since start */
    Optional<ModelNotice> lastProblem();

    /** @return the largest model file accepted, bytes */
    long maxModelBytes();
}
