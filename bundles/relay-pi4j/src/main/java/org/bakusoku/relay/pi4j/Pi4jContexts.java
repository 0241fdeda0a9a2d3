package org.bakusoku.relay.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;

/**
 * Builds Pi4J contexts explicitly. Pi4J's automatic discovery uses {@link java.util.ServiceLoader} through
 * the thread context class loader, which sees no other bundle inside OSGi (STACK.md, trap 3); so
 * discovery is off and the platform and providers are named here. The mock and gpiod plugin classes (and
 * the gpiod library with its linux-aarch64 natives) are embedded in this bundle (bnd.bnd); pi4j-core is
 * imported as a bundle. No context gets Pi4J's own JVM shutdown hook: the controller puts the relays in
 * their safe state first (see {@link ShutdownGuard}), then shuts the context down.
 */
final class Pi4jContexts {

    private Pi4jContexts() {
    }

    /** @return a context whose digital outputs are in-memory mock lines (off-Pi twin, CI) */
    static Context mock() {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(new MockPlatform())
                .add(MockDigitalOutputProvider.newInstance())
                .disableShutdownHook()
                .build();
    }

    /**
     * @return a context whose digital outputs are lines of the first gpiochip labelled {@code pinctrl-*},
     *         through the Linux GPIO character device (libgpiod 1.6, embedded for linux-aarch64); never
     *         the deprecated sysfs interface, whose numbers moved to 512+ on kernels 6.6 and later
     */
    static Context gpiod() {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(GpioDDigitalOutputProvider.newInstance())
                .disableShutdownHook()
                .build();
    }
}
