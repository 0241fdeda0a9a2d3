package org.bakusoku.relay.pi4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The GPIO chips the kernel lists under {@code <sysroot>/sys/bus/gpio/devices/gpiochipN}, with their labels.
 *
 * <p>The GPIO character device reports a chip's label only through an ioctl; sysfs shows it in the chip's
 * legacy class device, {@code gpiochipN/gpio/gpiochip<base>/label} (present on Raspberry Pi OS kernels, which
 * keep {@code CONFIG_GPIO_SYSFS}), or in a {@code label} attribute of the chip itself on kernels that have
 * one. Both are read, the chip's own first. A kernel without either still links the chip to its device-tree
 * node: the node's {@code compatible} string gives the label its Linux driver sets
 * ({@code drivers/pinctrl/bcm/pinctrl-bcm2835.c}, the RP1 driver).
 */
final class GpioChips {

    /**
     * A chip: its device name and label.
     *
     * @param name  device name, e.g. {@code "gpiochip4"} (its character device is {@code /dev/gpiochip4})
     * @param label driver label, e.g. {@code "pinctrl-rp1"}; {@code "?"} when unreadable
     */
    record Chip(String name, String label) {
        @Override
        public String toString() {
            return name + " (" + label + ")";
        }
    }

    /** Device-tree {@code compatible} of a GPIO controller -> the label its Linux driver gives the chip. */
    private static final Map<String, String> LABEL_BY_COMPATIBLE = Map.of(
            "brcm,bcm2711-gpio", PiBoard.BCM2711,
            "brcm,bcm2835-gpio", "pinctrl-bcm2835",
            "raspberrypi,rp1-gpio", PiBoard.RP1,
            "brcm,brcmstb-gpio", "gpio-brcmstb");

    private GpioChips() {
    }

    /**
     * @param sysroot root of /sys
     * @return the chips in the order libgpiod 1.6 iterates them ({@code scandir} with {@code alphasort}:
     *         byte order of the names, so gpiochip10 comes before gpiochip4); empty if there is no GPIO bus
     */
    static List<Chip> list(Path sysroot) {
        Path bus = sysroot.resolve("sys/bus/gpio/devices");
        List<Chip> chips = new ArrayList<>();
        if (!Files.isDirectory(bus)) {
            return chips;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(bus, "gpiochip*")) {
            for (Path entry : entries) {
                chips.add(new Chip(entry.getFileName().toString(), label(entry).orElse("?")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + bus + ": " + e.getMessage(), e);
        }
        chips.sort((a, b) -> a.name().compareTo(b.name()));
        return chips;
    }

    /**
     * The chip Pi4J 2.8.0's gpiod provider opens: the first in libgpiod's order whose label contains
     * {@code "pinctrl"} (pi4j-library-gpiod {@code GpioDContext.initialize}).
     *
     * @param chips chips in libgpiod's order
     * @return that chip, or empty if none has such a label
     */
    static Optional<Chip> pi4jChoice(List<Chip> chips) {
        return chips.stream().filter(chip -> chip.label().contains("pinctrl")).findFirst();
    }

    private static Optional<String> label(Path chipDir) throws IOException {
        Optional<String> own = read(chipDir.resolve("label"));
        if (own.isPresent()) {
            return own;
        }
        Path legacy = chipDir.resolve("gpio");
        if (Files.isDirectory(legacy)) {
            try (Stream<Path> classDevices = Files.list(legacy)) {
                for (Path device : classDevices.sorted().toList()) {
                    Optional<String> label = read(device.resolve("label"));
                    if (label.isPresent()) {
                        return label;
                    }
                }
            }
        }
        // "compatible" holds NUL-separated strings, most specific first.
        return read(chipDir.resolve("of_node/compatible")).map(text -> text.split("\0")[0])
                .map(LABEL_BY_COMPATIBLE::get);
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
