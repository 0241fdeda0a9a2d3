package org.bakusoku.cpu.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.bakusoku.cpu.Board;
import org.bakusoku.cpu.BoardInfo;
import org.bakusoku.cpu.BootSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootSettingsTest {

    private static final BoardInfo PI4 = new BoardInfo("Raspberry Pi 4 Model B Rev 1.4", "c03114", Board.PI4);
    private static final BoardInfo PI5 = new BoardInfo("Raspberry Pi 5 Model B Rev 1.0", "d04170", Board.PI5);
    private static final BoardInfo PI400 = new BoardInfo("Raspberry Pi 400 Rev 1.0", "c03130", Board.PI4);

    @TempDir
    Path dir;

    @Test
    void listsKeysWithTheirSectionFollowingIncludes() {
        PiTree tree = PiTree.pi4(dir).config("boot/firmware/config.txt", "ubuntu-include.txt")
                .config("boot/firmware/usercfg.txt", "ubuntu-usercfg.txt");

        BootSettings settings = BootSettings.read(new SysRoot(tree.root), tree.root.resolve("boot/firmware"), "config.txt");

        assertThat(settings.settings()).containsExactly(
                new BootSetting("arm_boost", "1", "[pi4]", "config.txt", 8, false),
                new BootSetting("arm_freq", "1800", "[pi4]", "usercfg.txt", 5, false),
                new BootSetting("over_voltage", "4", "[pi4]", "usercfg.txt", 6, false),
                new BootSetting("arm_freq", "2600", "[pi5]", "usercfg.txt", 8, false),
                new BootSetting("temp_limit", "75", "[all]", "usercfg.txt", 10, false));
        assertThat(settings.effective(PI4)).isEqualTo(
                Map.of("arm_boost", "1", "arm_freq", "1800", "over_voltage", "4", "temp_limit", "75"));
        assertThat(settings.effective(PI5)).isEqualTo(Map.of("arm_freq", "2600", "temp_limit", "75"));
        assertThat(settings.overclockedOutsideBlock(PI4)).isTrue();
    }

    @Test
    void theBlockWinsBecauseItComesLast() {
        PiTree tree = PiTree.pi4(dir).config("boot/firmware/config.txt", "seed-crlf.txt");
        byte[] with = BootConfigText.of(tree.read("boot/firmware/config.txt"))
                .withBlock(java.util.List.of("arm_freq=2000", "over_voltage=6"), "pi4-2000", "[pi4]").bytes();
        tree.write("boot/firmware/config.txt", with);

        BootSettings settings = BootSettings.read(new SysRoot(tree.root), tree.root.resolve("boot/firmware"), "config.txt");

        assertThat(settings.settings()).filteredOn(BootSetting::managed).extracting(BootSetting::key, BootSetting::value,
                BootSetting::section).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("arm_freq", "2000", "[pi4]"),
                        org.assertj.core.groups.Tuple.tuple("over_voltage", "6", "[pi4]"));
        assertThat(settings.effective(PI4)).containsEntry("arm_freq", "2000").containsEntry("over_voltage", "6");
        assertThat(settings.effective(PI5)).isEmpty();
    }

    @Test
    void judgesModelFiltersAndCombinesOtherFilterTypes() {
        assertThat(BootSettings.applies("pi4", PI400)).isTrue();
        assertThat(BootSettings.applies("pi400", PI400)).isTrue();
        assertThat(BootSettings.applies("pi400", PI4)).isFalse();
        assertThat(BootSettings.applies("cm4", PI4)).isFalse();
        assertThat(BootSettings.applies("pi5", PI4)).isFalse();
        assertThat(BootSettings.applies("board-type=0x11", PI4)).isTrue();
        assertThat(BootSettings.applies("board-type=0x17", PI4)).isFalse();
        assertThat(BootSettings.applies("none", PI4)).isFalse();
        assertThat(BootSettings.applies("EDID=DEL-DELL_U2422H", PI4)).isTrue();
    }

    @Test
    void aMissingIncludeIsIgnoredLikeTheFirmwareDoes() {
        PiTree tree = PiTree.pi4(dir).config("boot/firmware/config.txt", "ubuntu-include.txt");

        BootSettings settings = BootSettings.read(new SysRoot(tree.root), tree.root.resolve("boot/firmware"), "config.txt");

        assertThat(settings.settings()).extracting(BootSetting::key).containsExactly("arm_boost");
        assertThat(settings.overclockedOutsideBlock(PI4)).isFalse();
    }
}
