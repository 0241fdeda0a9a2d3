package org.bakusoku.camera.control;

/**
 * One running source of the camera (a supervised decoder or the file player), publishing into the camera's frame
 * slot and reporting its state to the {@link Camera}.
 */
interface CameraSource {

    /** Starts capturing; returns at once. */
    void start();

    /** Stops capturing and waits for the source's threads and processes to end. */
    void stop();

    /** @return the settings this source runs with (kind resolved, never AUTO) */
    SourceSettings settings();
}
