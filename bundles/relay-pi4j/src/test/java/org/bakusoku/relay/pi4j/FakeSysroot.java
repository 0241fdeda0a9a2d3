package org.bakusoku.relay.pi4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the /proc, /sys and /dev files board detection reads, in a temporary folder. */
final class FakeSysroot {

    private final Path root;

    FakeSysroot(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Writes the device-tree model as the firmware does: NUL-terminated. */
    FakeSysroot model(String model) throws IOException {
        write("proc/device-tree/model", model + "\0");
        return this;
    }

    /**
     * Adds a chip as Raspberry Pi OS kernels show it: the bus device, its legacy sysfs class device with the
     * label, and the character device.
     *
     * @param name  e.g. {@code gpiochip4}
     * @param base  legacy sysfs base number, e.g. 571
     * @param label e.g. {@code pinctrl-rp1}
     */
    FakeSysroot chip(String name, int base, String label) throws IOException {
        write("sys/bus/gpio/devices/" + name + "/gpio/gpiochip" + base + "/label", label + "\n");
        write("dev/" + name, "");
        return this;
    }

    /** Removes a chip's character device. */
    FakeSysroot withoutDevice(String name) throws IOException {
        Files.delete(root.resolve("dev").resolve(name));
        return this;
    }

    /** A Raspberry Pi 5 on a kernel before 6.6.45: the RP1 header chip is gpiochip4. */
    FakeSysroot pi5OldKernel() throws IOException {
        return model("Raspberry Pi 5 Model B Rev 1.0")
                .chip("gpiochip0", 512, "gpio-brcmstb@107d508500")
                .chip("gpiochip1", 544, "gpio-brcmstb@107d508520")
                .chip("gpiochip2", 549, "gpio-brcmstb@107d517c00")
                .chip("gpiochip3", 566, "gpio-brcmstb@107d517c20")
                .chip("gpiochip4", 571, "pinctrl-rp1");
    }

    /** A Raspberry Pi 5 on a newer kernel: the RP1 header chip is gpiochip0. */
    FakeSysroot pi5NewKernel() throws IOException {
        return model("Raspberry Pi 5 Model B Rev 1.1")
                .chip("gpiochip0", 569, "pinctrl-rp1")
                .chip("gpiochip10", 544, "gpio-brcmstb@107d508500")
                .chip("gpiochip11", 561, "gpio-brcmstb@107d517c00")
                .chip("gpiochip12", 565, "rp1-firmware-gpio");
    }

    /** A Raspberry Pi 4 on kernel 6.6: BCM2711 header chip gpiochip0, the firmware expander gpiochip1. */
    FakeSysroot pi4() throws IOException {
        return model("Raspberry Pi 4 Model B Rev 1.4")
                .chip("gpiochip0", 512, "pinctrl-bcm2711")
                .chip("gpiochip1", 570, "raspberrypi-exp-gpio");
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
