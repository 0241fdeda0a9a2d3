package org.bakusoku.frame;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The console's live view: the latest display-size frame as a JPEG with the latest detection boxes drawn on it.
 * Frames are encoded once, whatever the number of viewers, and only while someone watches; a slow viewer skips
 * frames, it never gets a queue.
 */
@ProviderType
public interface LiveView {

    /**
     * One encoded live-view picture.
     *
     * @param sequence    the display frame's {@link Frame#sequence()}
     * @param timestampMs the frame's capture instant, epoch ms
     * @param jpeg        JPEG bytes; never modified, shared by all viewers
     */
    record Picture(long sequence, long timestampMs, byte[] jpeg) {
    }

    /**
     * Waits for a picture newer than the one the viewer has.
     *
     * @param afterSequence the sequence the viewer already has, or 0
     * @param timeoutMs     how long to wait at most, ms, &ge; 0
     * @return the latest picture with a greater sequence, or {@code null} on timeout (no camera frame meanwhile)
     * @throws InterruptedException if the waiting thread is interrupted
     */
    Picture awaitNewer(long afterSequence, long timeoutMs) throws InterruptedException;
}
