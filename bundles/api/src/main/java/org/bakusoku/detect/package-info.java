/**
 * Detectors, detections, prepared inputs (double-buffered preprocessing) and the detection event topic.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.3.0")
package org.bakusoku.detect;
