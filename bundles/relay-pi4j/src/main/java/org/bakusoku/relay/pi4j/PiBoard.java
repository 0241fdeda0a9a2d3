package org.bakusoku.relay.pi4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Raspberry Pi board family this controller drives, recognised from the device tree's model string
 * ({@code /proc/device-tree/model}, e.g. {@code "Raspberry Pi 5 Model B Rev 1.0"}, NUL-terminated).
 *
 * @param model           the model string as the firmware wrote it, without the trailing NUL
 * @param headerChipLabel label of the gpiochip that carries the 40-pin header's GPIO 0..27:
 *                        {@code pinctrl-bcm2711} on the BCM2711 (Pi 4, 400, CM4), {@code pinctrl-rp1} on the
 *                        RP1 I/O controller of the Pi 5, 500 and CM5 (Raspberry Pi documentation, "RP1 peripherals")
 */
record PiBoard(String model, String headerChipLabel) {

    /** Label of the BCM2711 GPIO controller's chip (Pi 4 family). */
    static final String BCM2711 = "pinctrl-bcm2711";
    /** Label of the RP1 GPIO controller's chip (Pi 5 family). */
    static final String RP1 = "pinctrl-rp1";

    /**
     * @param sysroot root of /proc and /sys: {@code /} on the device, a temporary folder in tests
     * @return the board, or empty when there is no device-tree model file (a PC, a VM, CI)
     * @throws IllegalStateException naming the model when it is a board this controller does not drive, or
     *                               when the file cannot be read
     */
    static Optional<PiBoard> detect(Path sysroot) {
        Path file = modelFile(sysroot);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String model;
        try {
            model = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).replace("\0", "").strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (model.startsWith("Raspberry Pi 5") || model.startsWith("Raspberry Pi Compute Module 5")) {
            return Optional.of(new PiBoard(model, RP1)); // also "Raspberry Pi 500"
        }
        if (model.startsWith("Raspberry Pi 4") || model.startsWith("Raspberry Pi Compute Module 4")) {
            return Optional.of(new PiBoard(model, BCM2711)); // also "Raspberry Pi 400"
        }
        throw new IllegalStateException("unsupported board '" + model + "' (" + file + "): relays are driven on a"
                + " Raspberry Pi 4, 400, CM4, 5, 500 or CM5; set gpio.provider=mock to run without relay hardware");
    }

    /** @return {@code <sysroot>/proc/device-tree/model} */
    static Path modelFile(Path sysroot) {
        return sysroot.resolve("proc/device-tree/model");
    }
}
