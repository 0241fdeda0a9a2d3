package org.bakusoku.relay;

import org.osgi.annotation.versioning.ProviderType;

/** Registered once per detection rule configuration; lets the console list rules and refused configurations. */
@ProviderType
public interface RuleStatus {

    /** @return the rule's current status; cheap, callable from any thread */
    RuleState state();
}
