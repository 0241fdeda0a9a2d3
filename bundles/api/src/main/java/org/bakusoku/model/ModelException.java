package org.bakusoku.model;

/**
 * A repository operation was refused or failed. The message says why in words a user understands; the
 * {@link Reason} lets an API map it to a status code.
 */
public class ModelException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an operation was refused. */
    public enum Reason {
        /** The file is not a model this appliance can run (empty, truncated, not TFLite, not a detector...). */
        INVALID_MODEL,
        /** A name or label file is not acceptable. */
        INVALID_REQUEST,
        /** The upload is larger than the configured limit. */
        TOO_LARGE,
        /** The same bytes are installed already; {@link #modelId()} names them. */
        ALREADY_INSTALLED,
        /** No model has that id. */
        NOT_FOUND,
        /** The operation would remove or replace the active model. */
        ACTIVE,
        /** There is no earlier model to roll back to. */
        NOTHING_TO_ROLL_BACK,
        /** Reading or writing the model store failed. */
        STORAGE
    }

    private final Reason reason;
    private final String modelId;

    /**
     * @param reason  why
     * @param message what went wrong and what to do, for a user
     */
    public ModelException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    /**
     * @param reason  why
     * @param message what went wrong and what to do, for a user
     * @param modelId the model concerned (the installed one for {@link Reason#ALREADY_INSTALLED}), or null
     * @param cause   the underlying error, or null
     */
    public ModelException(Reason reason, String message, String modelId, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.modelId = modelId;
    }

    /** @return why the operation was refused */
    public Reason reason() {
        return reason;
    }

    /** @return the model concerned, or null */
    public String modelId() {
        return modelId;
    }
}
