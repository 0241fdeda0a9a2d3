package org.bakusoku.relay.pi4j;

/**
 * The GPIO side of the relay controller: digital output lines addressed by BCM number. The production
 * implementation is {@link Pi4jOutputLines}; tests add faults around it.
 */
interface OutputLines extends AutoCloseable {

    /** One output line, opened by {@link #open}. */
    interface Line {
        /**
         * @param high true for 3.3 V
         * @throws RuntimeException if the driver refused the write
         */
        void write(boolean high);

        /**
         * @return the level the line reads now (the hardware's pin level on gpiod)
         * @throws RuntimeException if it cannot be read
         */
        boolean readBack();

        /** Frees the line; its last level stays on the pin. Never throws. */
        void release();
    }

    /**
     * @param id          relay id, used as the line's consumer name
     * @param name        human-readable name
     * @param bcmPin      BCM number 0..27 (line offset on the header's gpiochip)
     * @param safeHigh    level the line takes the moment it becomes an output, and again when released
     * @return the open line
     * @throws RuntimeException with a reason a person can act on, if the line cannot be opened
     */
    Line open(String id, String name, int bcmPin, boolean safeHigh);

    /** @return how the lines reach the hardware, one line, e.g. {@code "gpiod: gpiochip4 (pinctrl-rp1), ..."} */
    String description();

    /** Releases the provider; lines opened before are released too. Never throws. */
    @Override
    void close();
}
