/**
 * Frames and frame sources: the camera side of the pipeline.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.bakusoku.frame;
