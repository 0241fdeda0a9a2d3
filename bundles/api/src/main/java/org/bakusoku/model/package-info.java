/**
 * Models as data: identity ({@link org.bakusoku.model.ModelInfo}), the repository that stores, validates,
 * activates and rolls back detection models ({@link org.bakusoku.model.ModelRepository}), its manifests and
 * its event topics.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.3.0")
package org.bakusoku.model;
