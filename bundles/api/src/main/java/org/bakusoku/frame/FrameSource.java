package org.bakusoku.frame;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A camera, video file, stream or image folder that captures frames on its own thread.
 *
 * <p>A source keeps only the latest frame (a one-slot mailbox): a slow consumer skips frames, it never
 * receives a queue of stale ones. Implementations are registered as OSGi services; the pipeline uses
 * the one selected by configuration.
 */
@ProviderType
public interface FrameSource {

    /**
     * @return the most recent frame, or {@code null} before the first frame has been captured
     */
    Frame latest();

    /**
     * Waits for a frame newer than the given one.
     *
     * @param afterSequence the {@link Frame#sequence()} the caller already has, or 0 for none
     * @param timeoutMs     how long to wait at most, milliseconds, &ge; 0
     * @return the latest frame with a sequence greater than {@code afterSequence}, or {@code null} on timeout
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    Frame awaitNewer(long afterSequence, long timeoutMs) throws InterruptedException;

    /**
     * @return a short human-readable description of what is captured (e.g. {@code "file vtest.avi @ 10 fps"});
     *         never contains credentials
     */
    String description();
}
