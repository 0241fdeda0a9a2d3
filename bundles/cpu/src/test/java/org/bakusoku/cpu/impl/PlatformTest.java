package org.bakusoku.cpu.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bakusoku.cpu.Board;
import org.bakusoku.cpu.BoardInfo;
import org.bakusoku.cpu.ThrottleState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformTest {

    @TempDir
    Path dir;

    @Test
    void decodesUnderVoltageAndThrottlingNowAndSinceBoot() {
        ThrottleState state = ThrottleState.decode(0x50005, "test");

        assertThat(state.now()).containsExactly("under-voltage", "throttled");
        assertThat(state.sinceBoot()).containsExactly("under-voltage", "throttled");
        assertThat(state.raw()).isEqualTo(0x50005);
    }

    @Test
    void decodesSoftTemperatureLimit() {
        ThrottleState state = ThrottleState.decode(0x80008, "test");

        assertThat(state.now()).containsExactly("soft temperature limit");
        assertThat(state.sinceBoot()).containsExactly("soft temperature limit");
    }

    @Test
    void decodesZeroAsNoFlags() {
        ThrottleState state = ThrottleState.decode(0x0, "test");

        assertThat(state.now()).isEmpty();
        assertThat(state.sinceBoot()).isEmpty();
        assertThat(state.any()).isFalse();
    }

    @Test
    void decodesPastCappingOnlyAndNamesUnknownBits() {
        ThrottleState state = ThrottleState.decode(0x20000 | 0x100, "test");

        assertThat(state.now()).containsExactly("bit 8");
        assertThat(state.sinceBoot()).containsExactly("arm frequency capped");
        assertThat(state.anyNow()).isTrue();
    }

    @Test
    void readsAPi4() {
        Platform platform = new Platform(new SysRoot(PiTree.pi4(dir).root));

        BoardInfo board = platform.board();
        assertThat(board).isEqualTo(new BoardInfo("Raspberry Pi 4 Model B Rev 1.4", "c03114", Board.PI4));
        assertThat(platform.temperatureC()).isEqualTo(52.582);
        assertThat(platform.throttle().raw()).isZero();
        assertThat(platform.throttle().source()).isEqualTo("/sys/devices/platform/soc/soc:firmware/get_throttled");
        assertThat(platform.bootedWithTryboot()).isFalse();
        assertThat(platform.bootloaderCapabilities()).contains(0x7f);
        assertThat(platform.kernelRelease()).contains("6.6.51+rpt-rpi-v8");
    }

    @Test
    void readsThePi5FirmwareFileThroughTheDriverFolder() {
        PiTree tree = PiTree.pi5(dir);
        tree.write("sys/bus/platform/drivers/raspberrypi-firmware/soc@107c000000:firmware/get_throttled", "0x50005\n");
        Platform platform = new Platform(new SysRoot(tree.root));

        assertThat(platform.board().family()).isEqualTo(Board.PI5);
        assertThat(platform.temperatureC()).isEqualTo(61.25);
        assertThat(platform.throttle().now()).containsExactly("under-voltage", "throttled");
    }

    @Test
    void fallsBackToTheHwmonUnderVoltageAlarmWithoutGetThrottled() {
        PiTree tree = PiTree.pi4(dir);
        tree.write("sys/devices/platform/soc/soc:firmware/get_throttled", "");
        tree.write("sys/class/hwmon/hwmon0/name", "cpu_thermal\n");
        tree.write("sys/class/hwmon/hwmon1/name", "rpi_volt\n");
        tree.write("sys/class/hwmon/hwmon1/in0_lcrit_alarm", "1\n");
        Platform platform = new Platform(new SysRoot(tree.root));

        ThrottleState state = platform.throttle();
        assertThat(state.raw()).isNull();
        assertThat(state.now()).containsExactly("under-voltage");
        assertThat(state.source()).isEqualTo("/sys/class/hwmon/hwmon1/in0_lcrit_alarm");
    }

    @Test
    void seesTheTrybootFlagAfterATrybootReboot() {
        PiTree tree = PiTree.pi4(dir).reboot("new-boot", true);

        assertThat(new Platform(new SysRoot(tree.root)).bootedWithTryboot()).isTrue();
        assertThat(new Platform(new SysRoot(tree.root)).bootId()).isEqualTo("new-boot");
    }

    @Test
    void tellsBoardFamiliesFromRevisionCodesAndModels() {
        assertThat(Platform.family("Raspberry Pi 4 Model B Rev 1.1", "b03111")).isEqualTo(Board.PI4);
        assertThat(Platform.family("Raspberry Pi 400 Rev 1.0", "c03130")).isEqualTo(Board.PI4);
        assertThat(Platform.family("Raspberry Pi Compute Module 4 Rev 1.0", "d03140")).isEqualTo(Board.PI4);
        assertThat(Platform.family("Raspberry Pi 5 Model B Rev 1.0", "d04170")).isEqualTo(Board.PI5);
        assertThat(Platform.family("Raspberry Pi 3 Model B Rev 1.2", "a02082")).isEqualTo(Board.OTHER_PI);
        assertThat(Platform.family("Raspberry Pi 5 Model B Rev 1.0", null)).isEqualTo(Board.PI5);
        assertThat(Platform.family(null, null)).isEqualTo(Board.NOT_PI);
        assertThat(Platform.family("Pine64 RockPro64", null)).isEqualTo(Board.NOT_PI);
    }

    @Test
    void offPiHasNoBoardTemperatureOrFlags() {
        Platform platform = new Platform(new SysRoot(PiTree.offPi(dir).root));

        assertThat(platform.board()).isEqualTo(new BoardInfo(null, null, Board.NOT_PI));
        assertThat(platform.temperatureC()).isNull();
        assertThat(platform.throttle()).isNull();
    }
}
