/**
 * Model identity (id, name, sha256) shared by the detector, the repository and the console.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.bakusoku.model;
