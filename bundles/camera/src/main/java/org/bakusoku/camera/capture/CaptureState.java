package org.bakusoku.camera.capture;

/** What a file source's capture thread is doing. */
public enum CaptureState {
    /** The thread is starting and has not opened the source yet. */
    STARTING,
    /** Frames are being published. */
    RUNNING,
    /** The source cannot be opened or read; the thread tries again every retry interval. */
    WAITING,
    /** The last frame was published and looping is off. */
    ENDED,
    /** The thread was stopped. */
    STOPPED
}
