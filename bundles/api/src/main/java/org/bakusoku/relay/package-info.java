/**
 * Relay outputs driven by detection rules, and the relay event topic.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.bakusoku.relay;
