package org.bakusoku.cpu.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CpuSettingsTest {

    @Test
    void theMetatypeDefaultsAreTheDocumentedOnes() {
        assertThat(ConfigProxy.settings(Map.of())).isEqualTo(CpuSettings.DEFAULTS);
    }

    @Test
    void aBadValueKeepsTheLastGoodOne() {
        CpuSettings good = ConfigProxy.settings(Map.of("guard_temperature_c", 75.0, "guard_action", "governor"));

        CpuSettings next = CpuSettings.from(ConfigProxy.of(Map.of("guard_temperature_c", 120.0, "guard_action", "panic",
                "sample_interval_ms", 5000L, "governor", "rm -rf /", "boot_dir", "boot")), good);

        assertThat(next.guardTemperatureC()).isEqualTo(75.0);
        assertThat(next.guardAction()).isEqualTo("governor");
        assertThat(next.governor()).isEqualTo("performance");
        assertThat(next.bootDir()).isEmpty();
        assertThat(next.sampleIntervalMs()).as("the valid value of the same update is taken").isEqualTo(5000);
    }

    @Test
    void splitsTheHelperCommandIntoArguments() {
        assertThat(ConfigProxy.settings(Map.of("helper_command", " sudo -n  /usr/libexec/bakusoku/bakusoku-cpu-helper "))
                .helperCommand()).isEqualTo(List.of("sudo", "-n", "/usr/libexec/bakusoku/bakusoku-cpu-helper"));
    }
}
