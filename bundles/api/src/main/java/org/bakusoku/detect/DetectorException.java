package org.bakusoku.detect;

/** A detector could not process a frame or could not load a model; the message says why in plain words. */
public class DetectorException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, for a user */
    public DetectorException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, for a user
     * @param cause   the underlying error
     */
    public DetectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
