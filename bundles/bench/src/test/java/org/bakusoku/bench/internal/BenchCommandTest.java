package org.bakusoku.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void stopsWhatComputesOrServesAndKeepsWhatTheBenchNeeds() {
        assertThat(BenchCommand.stopsForBench("org.bakusoku.pipeline")).isTrue();
        assertThat(BenchCommand.stopsForBench("org.bakusoku.camera")).isTrue();
        assertThat(BenchCommand.stopsForBench("org.bakusoku.detect.tflite")).isTrue();
        assertThat(BenchCommand.stopsForBench("org.bakusoku.relay.pi4j")).isTrue();
        assertThat(BenchCommand.stopsForBench("org.apache.felix.http.jetty12")).isTrue();
        assertThat(BenchCommand.stopsForBench("org.apache.felix.webconsole")).isTrue();
        assertThat(BenchCommand.stopsForBench("org.bakusoku.bench")).isFalse();
        assertThat(BenchCommand.stopsForBench("org.bakusoku.api")).isFalse();
        assertThat(BenchCommand.stopsForBench("org.bakusoku.defaults")).as("the configuration store").isFalse();
        assertThat(BenchCommand.stopsForBench("org.bakusoku.cpu")).as("governor and thermal guard").isFalse();
        assertThat(BenchCommand.stopsForBench("org.apache.felix.scr")).isFalse();
        assertThat(BenchCommand.stopsForBench("org.bytedeco.javacpp")).isFalse();
        assertThat(BenchCommand.stopsForBench(null)).isFalse();
    }

    @Test
    void theMainThreadServiceDeclaresIntegerAsTheLauncherRequires() throws Exception {
        // aQute.launcher.Launcher#serviceChanged rejects a Callable whose call() is not declared to return Integer.
        Method call = BenchCommand.MainThread.class.getMethod("call");
        assertThat(call.getReturnType()).isEqualTo(Integer.class);
    }
}
