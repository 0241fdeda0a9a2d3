package org.bakusoku.relay.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Board detection and header gpiochip lookup on faked /proc, /sys and /dev trees. */
class GpioChoiceTest {

    @TempDir
    Path dir;

    private FakeSysroot sysroot() {
        return new FakeSysroot(dir);
    }

    @Test
    void aPcWithoutDeviceTreeGetsTheMockOnAuto() {
        assertThat(GpioChoice.choose("auto", dir))
                .isEqualTo(new GpioChoice(false, "mock (no /proc/device-tree/model: not a Raspberry Pi)"));
    }

    @Test
    void gpiodOnAPcIsAClearError() {
        assertThatThrownBy(() -> GpioChoice.choose("gpiod", dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("proc/device-tree/model is missing: not a Raspberry Pi");
    }

    @Test
    void mockIsMockEvenOnAPi() throws Exception {
        sysroot().pi5NewKernel();
        assertThat(GpioChoice.choose(" MOCK ", dir)).isEqualTo(new GpioChoice(false, "mock (gpio.provider=mock)"));
    }

    @Test
    void pi5OnAnOlderKernelDrivesGpiochip4() throws Exception {
        sysroot().pi5OldKernel();
        assertThat(GpioChoice.choose("auto", dir)).isEqualTo(
                new GpioChoice(true, "gpiod: gpiochip4 (pinctrl-rp1), Raspberry Pi 5 Model B Rev 1.0"));
    }

    @Test
    void pi5OnANewerKernelDrivesGpiochip0() throws Exception {
        sysroot().pi5NewKernel();
        assertThat(GpioChoice.choose("gpiod", dir)).isEqualTo(
                new GpioChoice(true, "gpiod: gpiochip0 (pinctrl-rp1), Raspberry Pi 5 Model B Rev 1.1"));
    }

    @Test
    void pi4DrivesTheBcm2711Chip() throws Exception {
        sysroot().pi4();
        assertThat(GpioChoice.choose("auto", dir)).isEqualTo(
                new GpioChoice(true, "gpiod: gpiochip0 (pinctrl-bcm2711), Raspberry Pi 4 Model B Rev 1.4"));
    }

    @Test
    void pi400AndComputeModule5AreTheirFamilies() throws Exception {
        Path pi400 = dir.resolve("pi400");
        new FakeSysroot(pi400).model("Raspberry Pi 400 Rev 1.0").chip("gpiochip0", 512, "pinctrl-bcm2711");
        Path cm5 = dir.resolve("cm5");
        new FakeSysroot(cm5).model("Raspberry Pi Compute Module 5 Rev 1.0").chip("gpiochip0", 569, "pinctrl-rp1");

        assertThat(GpioChoice.choose("auto", pi400).description()).startsWith("gpiod: gpiochip0 (pinctrl-bcm2711)");
        assertThat(GpioChoice.choose("auto", cm5).description()).startsWith("gpiod: gpiochip0 (pinctrl-rp1)");
    }

    @Test
    void anUnknownBoardIsAClearErrorNotASilentMock() throws Exception {
        sysroot().model("Raspberry Pi 3 Model B Plus Rev 1.3").chip("gpiochip0", 512, "pinctrl-bcm2835");
        assertThatThrownBy(() -> GpioChoice.choose("auto", dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("unsupported board 'Raspberry Pi 3 Model B Plus Rev 1.3'")
                .hasMessageContaining("set gpio.provider=mock");
    }

    @Test
    void aMissingHeaderChipIsAClearErrorListingWhatWasFound() throws Exception {
        sysroot().model("Raspberry Pi 5 Model B Rev 1.0").chip("gpiochip0", 512, "gpio-brcmstb@107d508500");
        assertThatThrownBy(() -> GpioChoice.choose("auto", dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no gpiochip labelled pinctrl-rp1")
                .hasMessageContaining("found: [gpiochip0 (gpio-brcmstb@107d508500)]");
    }

    @Test
    void aMissingCharacterDeviceIsAClearError() throws Exception {
        sysroot().pi5OldKernel().withoutDevice("gpiochip4");
        assertThatThrownBy(() -> GpioChoice.choose("auto", dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing " + dir.resolve("dev/gpiochip4"));
    }

    @Test
    void aChipPi4jWouldPickInsteadOfTheHeadersIsAClearError() throws Exception {
        // An MCP23S08 expander (driver label pinctrl-mcp23s08) sorts before gpiochip4 in libgpiod's order.
        sysroot().pi5OldKernel().chip("gpiochip10", 600, "pinctrl-mcp23s08");
        assertThatThrownBy(() -> GpioChoice.choose("auto", dir)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Pi4J 2.8.0 would drive gpiochip10 (pinctrl-mcp23s08) instead of the header's"
                        + " gpiochip4 (pinctrl-rp1); relays would switch the wrong lines");
    }

    @Test
    void aChipsOwnLabelAttributeIsReadToo() throws Exception {
        sysroot().model("Raspberry Pi 4 Model B Rev 1.5");
        java.nio.file.Files.createDirectories(dir.resolve("sys/bus/gpio/devices/gpiochip0"));
        java.nio.file.Files.writeString(dir.resolve("sys/bus/gpio/devices/gpiochip0/label"), "pinctrl-bcm2711\n");
        java.nio.file.Files.createDirectories(dir.resolve("dev"));
        java.nio.file.Files.writeString(dir.resolve("dev/gpiochip0"), "");
        assertThat(GpioChips.list(dir)).containsExactly(new GpioChips.Chip("gpiochip0", "pinctrl-bcm2711"));
        assertThat(GpioChoice.choose("auto", dir).gpiod()).isTrue();
    }

    @Test
    void aKernelWithoutLabelsInSysfsIsReadThroughTheDeviceTree() throws Exception {
        sysroot().model("Raspberry Pi 4 Model B Rev 1.4");
        Path chip = dir.resolve("sys/bus/gpio/devices/gpiochip0/of_node");
        java.nio.file.Files.createDirectories(chip);
        java.nio.file.Files.writeString(chip.resolve("compatible"), "brcm,bcm2711-gpio\0brcm,bcm2835-gpio\0");
        java.nio.file.Files.createDirectories(dir.resolve("dev"));
        java.nio.file.Files.writeString(dir.resolve("dev/gpiochip0"), "");

        assertThat(GpioChoice.choose("auto", dir).description())
                .isEqualTo("gpiod: gpiochip0 (pinctrl-bcm2711), Raspberry Pi 4 Model B Rev 1.4");
    }

    @Test
    void anUnknownProviderValueIsRefused() {
        assertThatThrownBy(() -> GpioChoice.choose("sysfs", dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gpio.provider must be auto, gpiod or mock, got 'sysfs'");
    }
}
