package org.bakusoku.relay.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;

/**
 * Builds Pi4J contexts explicitly. Pi4J's automatic discovery uses {@link java.util.ServiceLoader} through
 * the thread context class loader, which sees no other bundle inside OSGi (STACK.md, trap 3); so
 * discovery is off and the platform and providers are named here. The mock plugin classes are embedded
 * in this bundle (bnd.bnd), pi4j-core is imported as a bundle.
 */
final class Pi4jContexts {

    private Pi4jContexts() {
    }

    /**
     * @return a context whose digital outputs are in-memory mock lines (off-Pi twin, CI); the caller
     *         shuts it down. No JVM shutdown hook: the OSGi component shuts it down on deactivation.
     */
    static Context mock() {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(new MockPlatform())
                .add(MockDigitalOutputProvider.newInstance())
                .disableShutdownHook()
                .build();
    }
}
