package org.bakusoku.camera.capture;

/** Hears of the state changes of a file source's capture thread. */
@FunctionalInterface
public interface CaptureListener {

    /**
     * Called on the capture thread; must return quickly.
     *
     * @param state  the new state
     * @param reason why ("" while running)
     */
    void changed(CaptureState state, String reason);
}
