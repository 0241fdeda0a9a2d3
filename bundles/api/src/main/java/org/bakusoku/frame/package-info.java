/**
 * Frames and frame sources: the camera side of the pipeline, its state events, the live view and the
 * snapshots saved on rule triggers.
 *
 * <p>0.2.0 added {@link org.bakusoku.frame.FrameSource#status()}, the display-size frames
 * ({@link org.bakusoku.frame.FrameSource#latestDisplay()}, {@link org.bakusoku.frame.FrameSource#display(long)}),
 * {@link org.bakusoku.frame.CameraTopics}, {@link org.bakusoku.frame.CameraControl},
 * {@link org.bakusoku.frame.LiveView} and {@link org.bakusoku.frame.Snapshots}; 0.1.0 code keeps working.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.bakusoku.frame;
