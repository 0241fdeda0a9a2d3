package org.bakusoku.cpu.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bakusoku.cpu.CpuException;
import org.bakusoku.cpu.OverclockProfile;
import org.bakusoku.cpu.TrybootPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverclockRefusalTest {

    @TempDir
    Path sys;
    @TempDir
    Path data;

    private final VirtualScheduler clock = new VirtualScheduler();
    private final List<Boolean> reboots = new ArrayList<>();

    private OverclockManager manager(SysRoot root, Map<String, Object> config) {
        CpuSettings settings = ConfigProxy.settings(config);
        return new OverclockManager(root, () -> settings, () -> new DirectActions(root, clock::epochMs, reboots::add),
                new TrybootStore(data), clock);
    }

    private OverclockManager manager(PiTree tree) {
        return manager(new SysRoot(tree.root), Map.of());
    }

    private static void refused(OverclockManager manager, String profile, CpuException.Kind kind, String message) {
        assertThatThrownBy(() -> manager.apply(profile)).isInstanceOfSatisfying(CpuException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void offersEachBoardItsOwnProfiles() {
        assertThat(manager(PiTree.pi4(sys)).profiles()).extracting(OverclockProfile::id)
                .containsExactly("stock", "pi4-1750", "pi4-2000");
    }

    @Test
    void offersAPi5ItsOwnTable() {
        OverclockManager pi5 = manager(PiTree.pi5(sys));

        assertThat(pi5.profiles()).extracting(OverclockProfile::id, OverclockProfile::armFreqMhz,
                OverclockProfile::overVoltageDeltaUv).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("stock", 2400, null),
                        org.assertj.core.groups.Tuple.tuple("pi5-2800", 2800, 50_000),
                        org.assertj.core.groups.Tuple.tuple("pi5-3000", 3000, 50_000));
        assertThat(pi5.status().trybootSupported()).isTrue();
    }

    @Test
    void refusesAnotherBoardsProfile() {
        PiTree tree = PiTree.pi4(sys);
        refused(manager(tree), "pi5-2800", CpuException.Kind.REFUSED,
                "Profile pi5-2800 is for a Raspberry Pi 5; this is Raspberry Pi 4 Model B Rev 1.4. Choose one of: stock, pi4-1750, pi4-2000.");
        assertThat(tree.exists("boot/firmware/tryboot.txt")).isFalse();
    }

    @Test
    void refusesAnUnknownProfileListingThisBoardsOnes() {
        assertThatThrownBy(() -> manager(PiTree.pi4(sys)).apply("pi4-9000")).isInstanceOfSatisfying(CpuException.class, e -> {
            assertThat(e.kind()).isEqualTo(CpuException.Kind.INVALID);
            assertThat(e.choices()).containsExactly("stock", "pi4-1750", "pi4-2000");
        });
    }

    @Test
    void refusesOverclockingAnUnknownBoard() {
        OverclockManager pi3 = manager(PiTree.pi3(sys));

        assertThat(pi3.profiles()).extracting(OverclockProfile::id).containsExactly("stock");
        refused(pi3, "pi4-1750", CpuException.Kind.REFUSED,
                "No overclock profiles for Raspberry Pi 3 Model B Rev 1.2: only the Raspberry Pi 4 and 5 have tested profiles.");
        refused(manager(PiTree.offPi(data.resolve("x86"))), "pi4-1750", CpuException.Kind.REFUSED,
                "No overclock profiles for this machine (not a Raspberry Pi)");
    }

    @Test
    void refusesAReadOnlyBootPartition() {
        PiTree tree = PiTree.pi4(sys);
        byte[] original = tree.read("boot/firmware/config.txt");
        Path boot = tree.root.resolve("boot");
        SysRoot readOnly = new SysRoot(tree.root, path -> {
            if (path.startsWith(boot)) {
                throw new FileSystemException(path.toString(), null, "Read-only file system");
            }
        });

        refused(manager(readOnly, Map.of()), "pi4-1750", CpuException.Kind.PERMISSION,
                "The boot partition /boot/firmware is not writable (Read-only file system)");
        assertThat(tree.read("boot/firmware/config.txt")).isEqualTo(original);
        assertThat(tree.exists("boot/firmware/tryboot.txt")).isFalse();
        assertThat(reboots).isEmpty();
    }

    @Test
    void refusesAKernelThatCannotPassTheTrybootFlag() {
        // Debian's generic arm64 kernel: mainline firmware driver, no get_throttled file, no tryboot reboot flag.
        PiTree tree = PiTree.pi4(sys).write("proc/sys/kernel/osrelease", "6.1.0-28-arm64\n");
        tree.root.resolve("sys/devices/platform/soc/soc:firmware/get_throttled").toFile().delete();
        OverclockManager debian = manager(tree);

        assertThat(debian.status().trybootSupported()).isFalse();
        assertThat(debian.status().trybootRefusal()).startsWith("This kernel (6.1.0-28-arm64) is not Raspberry Pi OS's kernel");
        refused(debian, "pi4-1750", CpuException.Kind.REFUSED, "reboot '0 tryboot' needs the Raspberry Pi firmware driver");
        assertThat(tree.exists("boot/firmware/tryboot.txt")).isFalse();
    }

    @Test
    void refusesABootloaderWithoutTryboot() {
        PiTree tree = PiTree.pi4(sys).deviceTreeInt("proc/device-tree/chosen/bootloader/capabilities", 0x3);

        refused(manager(tree), "pi4-1750", CpuException.Kind.REFUSED, "update it with rpi-eeprom-update");
    }

    @Test
    void refusesEverythingWhenSwitchedOff() {
        refused(manager(new SysRoot(PiTree.pi4(sys).root), Map.of("tryboot_mode", "off")), "pi4-1750",
                CpuException.Kind.REFUSED, "tryboot.mode=off");
    }

    @Test
    void refusesASecondProfileWhileATrialIsPending() throws Exception {
        OverclockManager manager = manager(PiTree.pi4(sys));
        assertThat(manager.apply("pi4-1750").phase()).isEqualTo(TrybootPhase.STAGED);

        refused(manager, "pi4-2000", CpuException.Kind.REFUSED, "A trial of pi4-1750 is pending (STAGED)");
    }

    @Test
    void refusesWhatIsAlreadyThere() {
        refused(manager(PiTree.pi4(sys)), "stock", CpuException.Kind.REFUSED,
                "Profile stock is already in /boot/firmware/config.txt.");
    }

    @Test
    void findsTheBootPartitionOfOlderReleasesOrAsConfigured() {
        PiTree tree = PiTree.pi3(sys);

        assertThat(manager(tree).status().bootConfigPath()).isEqualTo("/boot/config.txt");
        assertThat(manager(new SysRoot(tree.root), Map.of("boot_dir", "/boot/firmware")).status().message())
                .startsWith("No config.txt in /boot/firmware: the boot configuration cannot be read");
    }
}
