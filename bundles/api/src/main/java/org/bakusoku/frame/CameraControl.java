package org.bakusoku.frame;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and changes the camera configuration (PID {@code org.bakusoku.camera}) with validation, for the console
 * and the JSON API.
 */
@ProviderType
public interface CameraControl {

    /** @return the current settings; the URL's password masked, {@code password} null */
    CameraSetup setup();

    /** @return the state of the running source */
    FrameSourceStatus status();

    /**
     * Validates a change and, if valid, stores it in the configuration (it persists) and switches the running
     * source to it. A masked URL equal to {@link #setup()}'s keeps the stored URL and its password.
     *
     * @param change the fields to change; null fields keep their value
     * @throws IllegalArgumentException with the reason, naming the field and its allowed values, if a value is
     *                                  invalid; the running source then stays as it was
     * @throws IllegalStateException    if the configuration cannot be stored
     */
    void update(CameraSetup change);
}
