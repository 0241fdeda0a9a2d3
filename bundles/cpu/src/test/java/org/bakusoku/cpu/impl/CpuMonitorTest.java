package org.bakusoku.cpu.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bakusoku.cpu.Board;
import org.bakusoku.cpu.CpuSample;
import org.bakusoku.cpu.CpuSnapshot;
import org.bakusoku.cpu.CpuTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuMonitorTest {

    private static final String GOVERNOR = "sys/devices/system/cpu/cpufreq/policy0/scaling_governor";
    private static final String TEMP = "sys/class/thermal/thermal_zone0/temp";
    private static final String THROTTLED = "sys/devices/platform/soc/soc:firmware/get_throttled";

    @TempDir
    Path sys;
    @TempDir
    Path data;

    private final VirtualScheduler clock = new VirtualScheduler();
    private final List<String> topics = new ArrayList<>();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final List<String> helperGovernors = new ArrayList<>();

    private CpuMonitor monitor(SysRoot root, Map<String, Object> config) {
        CpuMonitor monitor = new CpuMonitor(root, ConfigProxy.settings(config), s -> new RecordingActions(), new TrybootStore(data),
                clock, (topic, properties) -> {
                    topics.add(topic);
                    events.add(properties);
                });
        monitor.start();
        return monitor;
    }

    private CpuMonitor monitor(PiTree tree, Map<String, Object> config) {
        return monitor(new SysRoot(tree.root), config);
    }

    @Test
    void saysPlainlyWhatIsMissingOffPi() {
        CpuMonitor monitor = monitor(PiTree.offPi(sys), Map.of());
        clock.advance(10_000);

        CpuSnapshot snapshot = monitor.snapshot();

        assertThat(snapshot.cpufreqAvailable()).isFalse();
        assertThat(snapshot.message()).startsWith("No cpufreq in sysfs (/sys/devices/system/cpu/cpufreq/policy*)")
                .endsWith("It has no thermal zone either.");
        assertThat(snapshot.board().family()).isEqualTo(Board.NOT_PI);
        assertThat(snapshot.governor()).isNull();
        assertThat(snapshot.governorsAvailable()).isEmpty();
        assertThat(snapshot.temperatureC()).isNull();
        assertThat(snapshot.throttle()).isNull();
        assertThat(snapshot.overclock().trybootSupported()).isFalse();
        assertThat(monitor.history()).hasSize(6).allSatisfy(s -> assertThat(s.curMhz()).isNull());
    }

    @Test
    void appliesTheConfiguredGovernorAtStartAndWhenChanged() {
        PiTree tree = PiTree.pi4(sys);
        CpuMonitor monitor = monitor(tree, Map.of());

        assertThat(tree.text(GOVERNOR)).isEqualTo("performance");
        monitor.update(ConfigProxy.settings(Map.of("governor", "schedutil")));
        assertThat(tree.text(GOVERNOR)).isEqualTo("schedutil");
        assertThat(monitor.snapshot().policies().get(0).governor()).isEqualTo("schedutil");
    }

    @Test
    void leavesTheGovernorAloneWhenTheConfiguredOneIsUnknownOrEmpty() {
        PiTree tree = PiTree.pi4(sys);
        monitor(tree, Map.of("governor", "turbo"));
        assertThat(tree.text(GOVERNOR)).isEqualTo("ondemand\n");

        monitor(PiTree.pi4(data.resolve("second")), Map.of("governor", ""));
        assertThat(PiTree.pi4(data.resolve("second")).text(GOVERNOR)).isEqualTo("ondemand\n");
    }

    @Test
    void leavesTheGovernorOfAHostThatIsNoPiAlone() throws Exception {
        // A developer's x86 laptop has cpufreq too; the appliance under test must not retune it.
        PiTree laptop = PiTree.offPi(sys).policy(0, "0 1", "powersave", 2_100_000, 400_000, 4_200_000);
        CpuMonitor monitor = monitor(laptop, Map.of());
        assertThat(laptop.text(GOVERNOR)).isEqualTo("powersave\n");

        monitor.setGovernor("schedutil");
        assertThat(laptop.text(GOVERNOR)).as("an explicit request still works").isEqualTo("schedutil");
    }

    @Test
    void asksTheHelperWhenSysfsIsNotWritable() throws Exception {
        PiTree tree = PiTree.pi4(sys);
        SysRoot readOnly = new SysRoot(tree.root, path -> {
            throw new AccessDeniedException(path.toString());
        });

        monitor(readOnly, Map.of("helper_command", "sudo -n /usr/libexec/bakusoku/bakusoku-cpu-helper"));

        assertThat(helperGovernors).containsExactly("performance");
    }

    @Test
    void keepsTenMinutesOfSamples() {
        PiTree tree = PiTree.pi4(sys);
        CpuMonitor monitor = monitor(tree, Map.of());
        long start = clock.epochMs();

        clock.advance(20 * 60_000);

        List<CpuSample> history = monitor.history();
        assertThat(history).hasSize(300);
        assertThat(history.get(299).timeMs()).isEqualTo(start + 20 * 60_000);
        assertThat(history.get(0).timeMs()).isEqualTo(start + 20 * 60_000 - 299 * 2000);
        assertThat(history.get(0)).isEqualTo(new CpuSample(history.get(0).timeMs(), 52.582, 1500, 0));
    }

    @Test
    void theGuardLowersTheRateWhileHotAndRestoresIt() {
        PiTree tree = PiTree.pi4(sys);
        CpuMonitor monitor = monitor(tree, Map.of());

        tree.write(TEMP, "79900\n");
        clock.advance(2000);
        assertThat(topics).isEmpty();

        tree.write(TEMP, "80500\n");
        clock.advance(2000);
        assertThat(topics).containsExactly(CpuTopics.THROTTLED);
        assertThat(events.get(0)).containsEntry(CpuTopics.TEMPERATURE_C, 80.5)
                .containsEntry(CpuTopics.REASON, "temperature 80.5 °C reached 80.0 °C")
                .containsEntry(CpuTopics.DETECTION_RATE_FACTOR, 0.5).containsEntry(CpuTopics.ACTION, "rate");
        assertThat(monitor.guard().active()).isTrue();
        assertThat(monitor.guard().detectionRateFactor()).isEqualTo(0.5);

        tree.write(TEMP, "76000\n");
        clock.advance(10_000);
        assertThat(topics).as("within the hysteresis").containsExactly(CpuTopics.THROTTLED);

        tree.write(TEMP, "74900\n");
        clock.advance(2000);
        assertThat(topics).containsExactly(CpuTopics.THROTTLED, CpuTopics.COOLED);
        assertThat(events.get(1)).containsEntry(CpuTopics.DETECTION_RATE_FACTOR, 1.0);
        assertThat(monitor.guard().active()).isFalse();
    }

    @Test
    void theGuardCanSwitchToTheCoolingGovernorUntilItCools() {
        PiTree tree = PiTree.pi4(sys);
        monitor(tree, Map.of("guard_action", "governor"));
        assertThat(tree.text(GOVERNOR)).isEqualTo("performance");

        tree.write(TEMP, "82000\n");
        clock.advance(2000);
        assertThat(tree.text(GOVERNOR)).isEqualTo("powersave");

        tree.write(TEMP, "70000\n");
        clock.advance(2000);
        assertThat(tree.text(GOVERNOR)).isEqualTo("performance");
        assertThat(topics).containsExactly(CpuTopics.THROTTLED, CpuTopics.COOLED);
    }

    @Test
    void theGuardEngagesWhenTheFirmwareThrottlesEvenIfCool() {
        PiTree tree = PiTree.pi4(sys);
        monitor(tree, Map.of());

        tree.write(THROTTLED, "20002\n");
        clock.advance(2000);

        assertThat(topics).containsExactly(CpuTopics.THROTTLED);
        assertThat(events.get(0)).containsEntry(CpuTopics.REASON, "firmware: arm frequency capped")
                .containsEntry(CpuTopics.THROTTLED_RAW, 0x20002);
        assertThat((String[]) events.get(0).get(CpuTopics.THROTTLED_NOW)).containsExactly("arm frequency capped");
        assertThat((String[]) events.get(0).get(CpuTopics.THROTTLED_SINCE_BOOT)).containsExactly("arm frequency capped");
    }

    @Test
    void aSwitchedOffGuardStaysQuiet() {
        PiTree tree = PiTree.pi4(sys);
        CpuMonitor monitor = monitor(tree, Map.of("guard_enabled", false));

        tree.write(TEMP, "84000\n");
        clock.advance(10_000);

        assertThat(topics).isEmpty();
        assertThat(monitor.guard().enabled()).isFalse();
        assertThat(monitor.guard().detectionRateFactor()).isEqualTo(1.0);
    }

    /** Privileged writes that only record the governor (the helper is a separate program). */
    private final class RecordingActions implements SystemActions {
        @Override
        public void writeBootFile(BootPartition boot, String name, byte[] content) throws IOException {
            throw new IOException("not in this test");
        }

        @Override
        public void deleteBootFile(BootPartition boot, String name) throws IOException {
            throw new IOException("not in this test");
        }

        @Override
        public void checkBootWritable(BootPartition boot) throws IOException {
            throw new IOException("not in this test");
        }

        @Override
        public void reboot(boolean tryboot) throws IOException {
            throw new IOException("not in this test");
        }

        @Override
        public void setGovernor(String governor) {
            helperGovernors.add(governor);
        }
    }
}
