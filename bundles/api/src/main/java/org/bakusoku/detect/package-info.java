/**
 * Detectors, detections and the detection event topic.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.bakusoku.detect;
