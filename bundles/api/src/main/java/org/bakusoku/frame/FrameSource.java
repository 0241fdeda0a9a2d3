package org.bakusoku.frame;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A camera, video file, stream or image folder that captures frames on its own thread.
 *
 * <p>A source keeps only the latest frame (a one-slot mailbox): a slow consumer skips frames, it never
 * receives a queue of stale ones. Implementations are registered as OSGi services; the pipeline uses
 * the one selected by configuration.
 *
 * <p>Each capture yields two frames with the same sequence and timestamps: the <em>detection</em> frame
 * ({@link #latest()}, {@link #awaitNewer}), possibly scaled already to the detector's input size off the inference
 * thread, and the <em>display</em> frame ({@link #latestDisplay()}, {@link #display(long)}) at the capture size for
 * the live view and snapshots. Boxes in normalized coordinates apply to both.
 */
@ProviderType
public interface FrameSource {

    /**
     * @return the most recent detection frame, or {@code null} before the first frame has been captured
     */
    Frame latest();

    /**
     * Waits for a detection frame newer than the given one.
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

    /**
     * @return the source's state; the default, for sources without supervision, says STREAMING once a frame exists
     * @since 0.2.0
     */
    default FrameSourceStatus status() {
        Frame frame = latest();
        return new FrameSourceStatus("unknown", description(),
                frame == null ? CameraState.STARTING : CameraState.STREAMING, "", 0, System.currentTimeMillis());
    }

    /**
     * @return the most recent display frame (capture size), or {@code null} before the first frame; the default
     *         returns {@link #latest()}
     * @since 0.2.0
     */
    default Frame latestDisplay() {
        return latest();
    }

    /**
     * @param sequence a frame sequence, e.g. of a frame the detector analysed
     * @return the display frame with that sequence while it is still kept (a few recent ones are), else {@code null}
     * @since 0.2.0
     */
    default Frame display(long sequence) {
        Frame frame = latestDisplay();
        return frame != null && frame.sequence() == sequence ? frame : null;
    }
}
