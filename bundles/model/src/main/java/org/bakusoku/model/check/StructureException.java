package org.bakusoku.model.check;

/** A model file was refused before any native code ran on it; the message is the reason in plain words. */
public class StructureException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message why the file is refused, for a user */
    public StructureException(String message) {
        super(message);
    }
}
