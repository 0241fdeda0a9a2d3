package org.bakusoku.cpu.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;

import org.bakusoku.cpu.CpuException;
import org.bakusoku.cpu.CpuPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpufreqTest {

    @TempDir
    Path dir;

    @Test
    void readsPoliciesInMhz() {
        Cpufreq cpufreq = new Cpufreq(new SysRoot(PiTree.pi4(dir).root));

        assertThat(cpufreq.policies()).containsExactly(
                new CpuPolicy("policy0", List.of(0, 1, 2, 3), "ondemand", 1500, 600, 1500, 600, 1500));
        assertThat(cpufreq.governor()).isEqualTo("ondemand");
        assertThat(cpufreq.availableGovernors())
                .containsExactly("conservative", "ondemand", "userspace", "powersave", "performance", "schedutil");
    }

    @Test
    void ordersPoliciesByNumber() {
        PiTree tree = PiTree.pi4(dir).policy(4, "4 5", "schedutil", 2_000_000, 500_000, 2_000_000)
                .policy(10, "10", "schedutil", 800_000, 500_000, 800_000);

        assertThat(new Cpufreq(new SysRoot(tree.root)).policies()).extracting(CpuPolicy::name)
                .containsExactly("policy0", "policy4", "policy10");
    }

    @Test
    void setsTheGovernorOnEveryPolicy() throws Exception {
        PiTree tree = PiTree.pi4(dir).policy(4, "4 5 6 7", "ondemand", 1_800_000, 600_000, 1_800_000);
        Cpufreq cpufreq = new Cpufreq(new SysRoot(tree.root));

        cpufreq.setGovernor("performance");

        assertThat(tree.text("sys/devices/system/cpu/cpufreq/policy0/scaling_governor")).isEqualTo("performance");
        assertThat(tree.text("sys/devices/system/cpu/cpufreq/policy4/scaling_governor")).isEqualTo("performance");
        assertThat(cpufreq.governor()).isEqualTo("performance");
    }

    @Test
    void refusesAnUnknownGovernorListingTheAvailableOnes() {
        PiTree tree = PiTree.pi4(dir);
        Cpufreq cpufreq = new Cpufreq(new SysRoot(tree.root));

        assertThatThrownBy(() -> cpufreq.setGovernor("turbo")).isInstanceOfSatisfying(CpuException.class, e -> {
            assertThat(e.kind()).isEqualTo(CpuException.Kind.INVALID);
            assertThat(e.choices()).containsExactly("conservative", "ondemand", "userspace", "powersave", "performance",
                    "schedutil");
            assertThat(e.getMessage()).contains("'turbo'").contains("performance");
        });
        assertThat(tree.text("sys/devices/system/cpu/cpufreq/policy0/scaling_governor")).isEqualTo("ondemand\n");
    }

    @Test
    void explainsAReadOnlySysfs() {
        PiTree tree = PiTree.pi4(dir);
        // The kernel answers EACCES for a non-root user without the udev rule.
        SysRoot readOnly = new SysRoot(tree.root, path -> {
            throw new AccessDeniedException(path.toString());
        });
        Cpufreq cpufreq = new Cpufreq(readOnly);

        assertThatThrownBy(() -> cpufreq.setGovernor("performance")).isInstanceOfSatisfying(CpuException.class, e -> {
            assertThat(e.kind()).isEqualTo(CpuException.Kind.PERMISSION);
            assertThat(e.getMessage()).startsWith(
                    "Cannot write /sys/devices/system/cpu/cpufreq/policy0/scaling_governor: permission denied.")
                    .contains("70-bakusoku-cpufreq.rules");
        });
        assertThat(tree.text("sys/devices/system/cpu/cpufreq/policy0/scaling_governor")).isEqualTo("ondemand\n");
    }

    @Test
    void saysPlainlyThatThereIsNoCpufreqOffPi() {
        Cpufreq cpufreq = new Cpufreq(new SysRoot(PiTree.offPi(dir).root));

        assertThat(cpufreq.available()).isFalse();
        assertThat(cpufreq.policies()).isEmpty();
        assertThat(cpufreq.governor()).isNull();
        assertThatThrownBy(() -> cpufreq.setGovernor("performance")).isInstanceOfSatisfying(CpuException.class, e -> {
            assertThat(e.kind()).isEqualTo(CpuException.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).startsWith("No cpufreq in sysfs");
        });
    }
}
