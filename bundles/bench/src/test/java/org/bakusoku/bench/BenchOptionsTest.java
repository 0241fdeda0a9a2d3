package org.bakusoku.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsAreAllCoresFiveSecondsAutomaticCameraRate() {
        BenchOptions o = BenchOptions.parse("--model", "m.tflite", "--input", "v.avi");
        assertThat(o.model()).isEqualTo(Path.of("m.tflite"));
        assertThat(o.input()).isEqualTo(Path.of("v.avi"));
        assertThat(o.maxThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(o.seconds()).isEqualTo(5.0);
        assertThat(o.json()).isNull();
        assertThat(o.fps()).isZero();
        assertThat(o.minInvokes()).isEqualTo(20);
    }

    @Test
    void everyOptionIsRead() {
        BenchOptions o = BenchOptions.parse("--model", "m.tflite", "--input", "dir", "--threads", "4", "--seconds",
                "2.5", "--json", "out.json", "--fps", "60", "--min-invokes", "7");
        assertThat(o).isEqualTo(new BenchOptions(Path.of("m.tflite"), Path.of("dir"), 4, 2.5, Path.of("out.json"),
                60, 7));
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertThatThrownBy(() -> BenchOptions.parse("--input", "v.avi")).hasMessageContaining("--model and --input");
        assertThatThrownBy(() -> BenchOptions.parse("--model")).hasMessageContaining("--model needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--model", "m", "--input", "i", "--threads", "0"))
                .hasMessageContaining("--threads must be 1..64");
        assertThatThrownBy(() -> BenchOptions.parse("--model", "m", "--input", "i", "--seconds", "x"))
                .hasMessageContaining("--seconds must be a number");
        assertThatThrownBy(() -> BenchOptions.parse("--model", "m", "--input", "i", "--verbose", "1"))
                .hasMessageContaining("unknown option --verbose");
    }
}
