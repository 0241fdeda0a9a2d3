/**
 * Relay outputs driven by detection rules: the controller, relay and rule states, the transition log
 * and the relay event topics.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.bakusoku.relay;
