package org.bakusoku.relay.pi4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Pi4J provider drives the relays, decided from configuration and the board: gpiod on a Raspberry Pi
 * 4 or 5, the mock provider on a machine without a device tree (PC, CI) or when configured. Every way gpiod
 * could silently do nothing on a Pi is a clear error at start instead: an unsupported board, no header
 * gpiochip, a different chip than the one Pi4J would pick, a character device the service user cannot open.
 *
 * @param gpiod       true for Pi4J's gpiod provider, false for the mock provider
 * @param description one line for the log and the console, e.g.
 *                    {@code "gpiod: gpiochip4 (pinctrl-rp1), Raspberry Pi 5 Model B Rev 1.0"}
 */
record GpioChoice(boolean gpiod, String description) {

    /** {@code gpio.provider}: gpiod on a Raspberry Pi, mock elsewhere. */
    static final String AUTO = "auto";
    /** {@code gpio.provider}: gpiod, an error anywhere else. */
    static final String GPIOD = "gpiod";
    /** {@code gpio.provider}: in-memory lines. */
    static final String MOCK = "mock";

    /**
     * @param provider {@value #AUTO}, {@value #GPIOD} or {@value #MOCK}, case-insensitive
     * @param sysroot  root of /proc, /sys and /dev ({@code bakusoku.sysroot}, {@code /} on the device)
     * @return the choice
     * @throws IllegalArgumentException if {@code provider} is none of the three
     * @throws IllegalStateException    with the reason and the fix, if gpiod is wanted but cannot work
     */
    static GpioChoice choose(String provider, Path sysroot) {
        String mode = provider == null ? "" : provider.strip().toLowerCase(Locale.ROOT);
        if (!List.of(AUTO, GPIOD, MOCK).contains(mode)) {
            throw new IllegalArgumentException("gpio.provider must be auto, gpiod or mock, got '" + provider + "'");
        }
        if (mode.equals(MOCK)) {
            return new GpioChoice(false, "mock (gpio.provider=mock)");
        }
        Optional<PiBoard> board = PiBoard.detect(sysroot);
        if (board.isEmpty()) {
            if (mode.equals(AUTO)) {
                return new GpioChoice(false, "mock (no /proc/device-tree/model: not a Raspberry Pi)");
            }
            throw new IllegalStateException("gpio.provider=gpiod, but " + PiBoard.modelFile(sysroot)
                    + " is missing: not a Raspberry Pi");
        }
        return new GpioChoice(true, "gpiod: " + headerChip(board.get(), sysroot) + ", " + board.get().model());
    }

    private static GpioChips.Chip headerChip(PiBoard board, Path sysroot) {
        List<GpioChips.Chip> chips = GpioChips.list(sysroot);
        GpioChips.Chip header = chips.stream().filter(chip -> chip.label().equals(board.headerChipLabel())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no gpiochip labelled " + board.headerChipLabel() + " under "
                        + sysroot.resolve("sys/bus/gpio/devices") + " on " + board.model() + " (found: "
                        + (chips.isEmpty() ? "none" : chips) + "); the kernel's GPIO driver for the header is missing"));
        GpioChips.Chip pi4j = GpioChips.pi4jChoice(chips).orElse(header);
        if (!pi4j.equals(header)) {
            throw new IllegalStateException("Pi4J 2.8.0 would drive " + pi4j + " instead of the header's " + header
                    + "; relays would switch the wrong lines");
        }
        // libgpiod 1.6 opens every chip while it looks for the header's, so every one must be accessible.
        for (GpioChips.Chip chip : chips) {
            Path device = sysroot.resolve("dev").resolve(chip.name());
            if (!Files.exists(device)) {
                throw new IllegalStateException("missing " + device + " (character device of " + chip + ")");
            }
            if (!Files.isReadable(device) || !Files.isWritable(device)) {
                throw new IllegalStateException("user '" + System.getProperty("user.name") + "' cannot open " + device
                        + " read-write: give /dev/gpiochip* to group gpio (udev rule SUBSYSTEM==\"gpio\", KERNEL==\"gpiochip*\","
                        + " GROUP=\"gpio\", MODE=\"0660\"; the image ships it as 60-bakusoku.rules), add the user to"
                        + " group gpio and restart");
            }
        }
        return header;
    }
}
