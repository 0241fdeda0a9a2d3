package org.bakusoku.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ConfigStoreTest {

    @Test
    void dataDirectoryIsAbsoluteAndDefaultsToDataInTheWorkingDirectory() {
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(ConfigStore.dataDirectory(null)).isEqualTo(cwd.resolve("data"));
        assertThat(ConfigStore.dataDirectory("  ")).isEqualTo(cwd.resolve("data"));
        assertThat(ConfigStore.dataDirectory("./x/../data2")).isEqualTo(cwd.resolve("data2"));
        assertThat(ConfigStore.dataDirectory("/var/lib/bakusoku")).isEqualTo(Path.of("/var/lib/bakusoku"));
    }
}
