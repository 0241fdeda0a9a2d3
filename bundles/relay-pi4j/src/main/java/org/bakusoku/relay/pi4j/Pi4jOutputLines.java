package org.bakusoku.relay.pi4j;

import java.util.function.IntPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.library.gpiod.internal.GpioDContext;

/**
 * {@link OutputLines} on a Pi4J 2 context. Pi4J's {@code DigitalOutput.state()} returns the level last
 * written, not the pin's; so the read-back is a separate function: on gpiod it asks the kernel for the
 * line's value ({@code gpiod_line_get_value}), on the mock it is the mock line's level.
 */
final class Pi4jOutputLines implements OutputLines {

    private static final Logger LOG = LoggerFactory.getLogger(Pi4jOutputLines.class);

    private final Context gpio;
    private final String description;
    /** BCM pin -> pin level is high; null to read the Pi4J output's own state. */
    private final IntPredicate pinReader;

    private Pi4jOutputLines(Context gpio, String description, IntPredicate pinReader) {
        this.gpio = gpio;
        this.description = description;
        this.pinReader = pinReader;
    }

    /**
     * @param description how the choice was made, e.g. {@code "mock (no /proc/device-tree/model: not a Raspberry Pi)"}
     * @return lines kept in memory by the Pi4J mock provider
     */
    static Pi4jOutputLines mock(String description) {
        return new Pi4jOutputLines(Pi4jContexts.mock(), description, null);
    }

    /**
     * @param description the chip and board, e.g. {@code "gpiod: gpiochip4 (pinctrl-rp1), Raspberry Pi 5 Model B Rev 1.0"}
     * @return lines of the header's gpiochip through Pi4J's gpiod provider
     * @throws RuntimeException if Pi4J cannot initialize gpiod (natives, chip)
     */
    static Pi4jOutputLines gpiod(String description) {
        return new Pi4jOutputLines(Pi4jContexts.gpiod(), description,
                pin -> GpioDContext.getInstance().getOrOpenLine(pin).getValue() != 0);
    }

    /** @return the Pi4J context, for tests that look at mock lines */
    Context context() {
        return gpio;
    }

    @Override
    public Line open(String id, String name, int bcmPin, boolean safeHigh) {
        DigitalState safeLevel = DigitalState.getState(safeHigh);
        DigitalOutput output = gpio.create(DigitalOutput.newConfigBuilder(gpio)
                .id("relay-" + id)
                .name(name)
                .address(bcmPin)
                .initial(safeLevel)
                // Pi4J applies this level when the line is released or the context shuts down.
                .shutdown(safeLevel)
                .build());
        return new Line() {
            @Override
            public void write(boolean high) {
                output.state(DigitalState.getState(high));
            }

            @Override
            public boolean readBack() {
                return pinReader == null ? output.state().isHigh() : pinReader.test(bcmPin);
            }

            @Override
            public void release() {
                try {
                    gpio.shutdown(output.id());
                } catch (RuntimeException e) {
                    LOG.error("releasing GPIO line BCM {} failed: {}", bcmPin, e.toString());
                }
            }
        };
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            gpio.shutdown();
        } catch (RuntimeException e) {
            LOG.error("Pi4J context shutdown failed: {}", e.toString());
        }
    }
}
