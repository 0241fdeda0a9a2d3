package org.bakusoku.camera.control;

import org.bakusoku.frame.CameraState;

/** Receives the state reports of camera sources. */
@FunctionalInterface
interface StateSink {

    /**
     * Called on the reporting source's thread; must return quickly.
     *
     * @param source the reporting source (reports of a replaced source are ignored)
     * @param state  its new state
     * @param reason why, "" when streaming
     */
    void report(CameraSource source, CameraState state, String reason);
}
