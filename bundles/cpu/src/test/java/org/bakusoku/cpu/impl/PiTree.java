package org.bakusoku.cpu.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temp folder laid out like the system files of a Raspberry Pi 4 or 5 running Raspberry Pi OS (sysfs
 * cpufreq policy, thermal zone, the firmware's get_throttled file, device tree, /proc, the boot partition),
 * or like an x86 machine without cpufreq. Values are those of real boards (kHz, m°C, revision codes).
 */
final class PiTree {

    final Path root;

    private PiTree(Path root) {
        this.root = root;
    }

    /** A Raspberry Pi 4 Model B Rev 1.4 on Raspberry Pi OS bookworm: 1500 MHz, ondemand, 52.6 °C. */
    static PiTree pi4(Path root) {
        PiTree tree = new PiTree(root);
        tree.policy(0, "0 1 2 3", "ondemand", 1_500_000, 600_000, 1_500_000);
        tree.write("sys/class/thermal/thermal_zone0/temp", "52582\n");
        tree.write("sys/devices/platform/soc/soc:firmware/get_throttled", "0\n");
        tree.write("proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.4\0");
        tree.write("proc/cpuinfo", "processor\t: 0\nBogoMIPS\t: 108.00\nFeatures\t: fp asimd evtstrm crc32 cpuid\n"
                + "CPU implementer\t: 0x41\nCPU part\t: 0xd08\n\nRevision\t: c03114\nSerial\t\t: 100000001234abcd\n"
                + "Model\t\t: Raspberry Pi 4 Model B Rev 1.4\n");
        tree.deviceTreeInt("proc/device-tree/chosen/bootloader/tryboot", 0);
        tree.deviceTreeInt("proc/device-tree/chosen/bootloader/capabilities", 0x7f);
        tree.write("proc/sys/kernel/osrelease", "6.6.51+rpt-rpi-v8\n");
        tree.bootId("3f1c0e2a-0000-4000-8000-000000000001");
        tree.config("boot/firmware/config.txt", "pios-bookworm.txt");
        return tree;
    }

    /** A Raspberry Pi 5 Model B Rev 1.0: 2400 MHz; the firmware device sits elsewhere than on a Pi 4. */
    static PiTree pi5(Path root) {
        PiTree tree = new PiTree(root);
        tree.policy(0, "0 1 2 3", "ondemand", 2_400_000, 1_500_000, 2_400_000);
        tree.write("sys/class/thermal/thermal_zone0/temp", "61250\n");
        tree.write("sys/bus/platform/drivers/raspberrypi-firmware/soc@107c000000:firmware/get_throttled", "0\n");
        tree.write("proc/device-tree/model", "Raspberry Pi 5 Model B Rev 1.0\0");
        tree.write("proc/cpuinfo", "processor\t: 0\nRevision\t: d04170\nModel\t\t: Raspberry Pi 5 Model B Rev 1.0\n");
        tree.deviceTreeInt("proc/device-tree/chosen/bootloader/tryboot", 0);
        tree.write("proc/sys/kernel/osrelease", "6.6.51+rpt-rpi-2712\n");
        tree.bootId("5a5a5a5a-0000-4000-8000-000000000001");
        tree.config("boot/firmware/config.txt", "pios-bookworm.txt");
        return tree;
    }

    /** A Raspberry Pi 3 Model B Rev 1.2 with an old /boot layout. */
    static PiTree pi3(Path root) {
        PiTree tree = new PiTree(root);
        tree.policy(0, "0 1 2 3", "ondemand", 1_200_000, 600_000, 1_200_000);
        tree.write("sys/devices/platform/soc/soc:firmware/get_throttled", "0\n");
        tree.write("proc/device-tree/model", "Raspberry Pi 3 Model B Rev 1.2\0");
        tree.write("proc/cpuinfo", "Revision\t: a02082\n");
        tree.write("proc/sys/kernel/osrelease", "6.1.21-v8+\n");
        tree.bootId("00000000-0000-4000-8000-000000000003");
        tree.config("boot/config.txt", "pios-bookworm.txt");
        return tree;
    }

    /** An x86 server or container: /proc without a board, no cpufreq, no thermal zone. */
    static PiTree offPi(Path root) {
        PiTree tree = new PiTree(root);
        tree.write("proc/cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R)\n");
        tree.write("proc/sys/kernel/osrelease", "6.8.0-45-generic\n");
        tree.bootId("11111111-0000-4000-8000-000000000000");
        return tree;
    }

    /** Adds a cpufreq policy (frequencies in kHz, as sysfs gives them). */
    PiTree policy(int n, String cpus, String governor, int curKhz, int minKhz, int maxKhz) {
        String dir = "sys/devices/system/cpu/cpufreq/policy" + n + "/";
        write(dir + "affected_cpus", cpus + "\n");
        write(dir + "scaling_governor", governor + "\n");
        write(dir + "scaling_available_governors", "conservative ondemand userspace powersave performance schedutil \n");
        write(dir + "scaling_cur_freq", curKhz + "\n");
        write(dir + "scaling_min_freq", minKhz + "\n");
        write(dir + "scaling_max_freq", maxKhz + "\n");
        write(dir + "cpuinfo_min_freq", minKhz + "\n");
        write(dir + "cpuinfo_max_freq", maxKhz + "\n");
        return this;
    }

    /** Writes a file (parents created). */
    PiTree write(String relative, String text) {
        return write(relative, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes a file (parents created). */
    PiTree write(String relative, byte[] bytes) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a device tree cell: a 32-bit big-endian integer. */
    PiTree deviceTreeInt(String relative, int value) {
        return write(relative, new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value });
    }

    /** Plays a reboot: a new boot id, and the firmware's tryboot flag as the reboot left it. */
    PiTree reboot(String newBootId, boolean withTrybootFlag) {
        bootId(newBootId);
        return deviceTreeInt("proc/device-tree/chosen/bootloader/tryboot", withTrybootFlag ? 1 : 0);
    }

    PiTree bootId(String id) {
        return write("proc/sys/kernel/random/boot_id", id + "\n");
    }

    /** Copies a config.txt sample from the test resources. */
    PiTree config(String relative, String sample) {
        return write(relative, sample(sample));
    }

    /** @return the bytes of a config.txt sample */
    static byte[] sample(String name) {
        try (InputStream in = PiTree.class.getResourceAsStream("/config-samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the bytes of a file in the tree */
    byte[] read(String relative) {
        try {
            return Files.readAllBytes(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the text of a file in the tree (ISO-8859-1, byte for char) */
    String text(String relative) {
        return new String(read(relative), StandardCharsets.ISO_8859_1);
    }

    boolean exists(String relative) {
        return Files.exists(root.resolve(relative));
    }
}
