package org.bakusoku.cpu.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bakusoku.cpu.Board;
import org.bakusoku.cpu.BoardInfo;
import org.bakusoku.cpu.ThrottleState;

/**
 * Readings of the board, the SoC temperature, the firmware's throttling flags, the kernel and the boot,
 * all from files (no {@code vcgencmd}: it is not on the image).
 */
final class Platform {

    /** SoC temperature in m°C (Raspberry Pi documentation, "Monitoring core temperature"). */
    static final String THERMAL_ZONE = "/sys/class/thermal/thermal_zone0/temp";
    /** The Raspberry Pi kernel's firmware driver: {@code get_throttled} as hex, on a Pi 4. */
    static final String THROTTLED_PI4 = "/sys/devices/platform/soc/soc:firmware/get_throttled";
    /** Wherever the firmware device sits (Pi 5 has another device path): through the driver's bound devices. */
    static final String FIRMWARE_DRIVER = "/sys/bus/platform/drivers/raspberrypi-firmware";
    /** Device tree model string (NUL-terminated). */
    static final String MODEL = "/proc/device-tree/model";
    /** "Revision : c03114" line. */
    static final String CPUINFO = "/proc/cpuinfo";
    /** 32-bit big-endian, 1 when the firmware booted with the tryboot flag (Raspberry Pi documentation,
     *  "Device Trees: Common bootloader properties /chosen/bootloader"). */
    static final String TRYBOOT_FLAG = "/proc/device-tree/chosen/bootloader/tryboot";
    /** 32-bit big-endian bit field of the BCM2711 EEPROM bootloader; bit 3 = TRYBOOT supported. */
    static final String BOOTLOADER_CAPABILITIES = "/proc/device-tree/chosen/bootloader/capabilities";
    /** Changes at every boot. */
    static final String BOOT_ID = "/proc/sys/kernel/random/boot_id";
    /** Kernel release, e.g. {@code 6.6.51+rpt-rpi-v8} (Raspberry Pi OS) or {@code 6.1.0-28-arm64} (Debian). */
    static final String OS_RELEASE = "/proc/sys/kernel/osrelease";

    private static final Pattern REVISION = Pattern.compile("(?m)^Revision\\s*:\\s*([0-9a-fA-F]+)\\s*$");

    private final SysRoot root;

    /** @param root the system files */
    Platform(SysRoot root) {
        this.root = root;
    }

    /** @return model, revision and family; {@link Board#NOT_PI} when the device tree names no Raspberry Pi */
    BoardInfo board() {
        String model = root.text(MODEL).filter(s -> !s.isBlank()).orElse(null);
        String revision = root.text(CPUINFO).map(REVISION::matcher).filter(Matcher::find)
                .map(m -> m.group(1).toLowerCase()).orElse(null);
        return new BoardInfo(model, revision, family(model, revision));
    }

    /**
     * The family from a new-style revision code (bit 23 set): processor field bits 12..15, 3 = BCM2711
     * (Pi 4), 4 = BCM2712 (Pi 5) (Raspberry Pi documentation, "Raspberry Pi revision codes"); from the model
     * string when the code is missing or old-style.
     */
    static Board family(String model, String revision) {
        if (model == null || !model.startsWith("Raspberry Pi")) {
            return Board.NOT_PI;
        }
        if (revision != null) {
            try {
                long code = Long.parseLong(revision, 16);
                if ((code & (1L << 23)) != 0) {
                    int processor = (int) ((code >> 12) & 0xF);
                    return processor == 3 ? Board.PI4 : processor == 4 ? Board.PI5 : Board.OTHER_PI;
                }
            } catch (NumberFormatException e) {
                // fall through to the model string
            }
        }
        if (model.matches("Raspberry Pi (4|400|Compute Module 4).*")) {
            return Board.PI4;
        }
        if (model.matches("Raspberry Pi (5|500|Compute Module 5).*")) {
            return Board.PI5;
        }
        return Board.OTHER_PI;
    }

    /** @return SoC temperature, °C, or null without a thermal zone */
    Double temperatureC() {
        return root.text(THERMAL_ZONE).map(value -> {
            try {
                return Long.parseLong(value) / 1000.0;
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    /**
     * @return the firmware's flags from {@code get_throttled}; else the under-voltage alarm of the
     *         {@code rpi_volt} hwmon device (mainline kernels, raw unknown); else null
     */
    ThrottleState throttle() {
        for (Path file : throttleFiles()) {
            Optional<String> text = root.text(file);
            if (text.isPresent()) {
                try {
                    String hex = text.get().replaceFirst("^(?i)(throttled=)?0x", "");
                    return ThrottleState.decode((int) Long.parseLong(hex, 16), root.display(file));
                } catch (NumberFormatException e) {
                    // try the next source
                }
            }
        }
        for (Path hwmon : root.list("/sys/class/hwmon", "hwmon*")) {
            if ("rpi_volt".equals(root.text(hwmon.resolve("name")).orElse(""))) {
                Path alarm = hwmon.resolve("in0_lcrit_alarm");
                boolean under = "1".equals(root.text(alarm).orElse("0"));
                return new ThrottleState(null, under ? List.of(ThrottleState.UNDER_VOLTAGE) : List.of(), List.of(),
                        root.display(alarm));
            }
        }
        return null;
    }

    /** @return candidate {@code get_throttled} files, the Pi 4 path first */
    List<Path> throttleFiles() {
        List<Path> files = new ArrayList<>();
        files.add(root.path(THROTTLED_PI4));
        for (Path device : root.list(FIRMWARE_DRIVER, "*")) {
            files.add(device.resolve("get_throttled"));
        }
        return files.stream().filter(Files::isRegularFile).toList();
    }

    /** @return true when this boot was started with the tryboot flag (the firmware read tryboot.txt) */
    boolean bootedWithTryboot() {
        return deviceTreeInt(TRYBOOT_FLAG).map(v -> v == 1).orElse(false);
    }

    /** @return the BCM2711 bootloader's capability bits, if it reports them */
    Optional<Integer> bootloaderCapabilities() {
        return deviceTreeInt(BOOTLOADER_CAPABILITIES);
    }

    /** @return this boot's id; "unknown" when /proc is not there */
    String bootId() {
        return root.text(BOOT_ID).orElse("unknown");
    }

    /** @return the kernel release, or empty */
    Optional<String> kernelRelease() {
        return root.text(OS_RELEASE);
    }

    private Optional<Integer> deviceTreeInt(String absolute) {
        try {
            byte[] bytes = Files.readAllBytes(root.path(absolute));
            if (bytes.length != 4) {
                return Optional.empty();
            }
            return Optional.of(((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8)
                    | (bytes[3] & 0xFF));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
