package org.bakusoku.model.isolate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bakusoku.model.isolate.child.ValidatorMain;
import org.bakusoku.model.testing.Shared;
import org.bakusoku.model.testing.TinyModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.TensorType;

/** Real child JVMs on the test class path (JavaCPP, TFLite natives, detector classes). */
class ChildValidatorTest {

    @TempDir
    static Path dir;
    private static List<Path> frames;

    @BeforeAll
    static void frames() throws Exception {
        frames = List.of(Shared.ppm("darknet_dog.jpg", dir), Shared.ppm("opencv_messi5.jpg", dir));
    }

    /** @return a validator running the given main class on this test's class path */
    static ChildValidator validator(String mainClass, long timeoutMs, Path work) {
        List<Path> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(System.getProperty("path.separator"))) {
            cp.add(Path.of(entry));
        }
        return new ChildValidator(new ChildValidator.Settings(cp, mainClass, 256, timeoutMs, 2, work));
    }

    private static ChildValidator.Result run(String mainClass, long timeoutMs, Path model, Path labels)
            throws Exception {
        List<String> progress = new ArrayList<>();
        ChildValidator.Result result = validator(mainClass, timeoutMs, dir.resolve("work")).validate(model, labels,
                frames, progress::add);
        assertThat(progress).first().isEqualTo("loading the model in a separate process");
        return result;
    }

    @Test
    void theRealModelPassesOnRealPhotosWithItsInvokeTime() throws Exception {
        ChildValidator.Result result = run(ValidatorMain.class.getName(), 60_000, Shared.model(Shared.COCO),
                Shared.labels(Shared.COCO));

        assertThat(result.passed()).as(result.message()).isTrue();
        assertThat(result.invokeMs()).isPositive();
        assertThat(result.message()).startsWith("ran on 2 frame(s) in a separate process, median invoke ")
                .contains("first frame: invoke_ms=").contains("detections=10 top=bicycle:0.7");
    }

    @Test
    void aGeneratedDetectorReportsItsKnownDetection() throws Exception {
        Path model = Files.write(dir.resolve("tiny.tflite"), TinyModels.detector(16, TensorType.UINT8, 3, 2, 0.8f));

        ChildValidator.Result result = run(ValidatorMain.class.getName(), 60_000, model, null);

        assertThat(result.passed()).as(result.message()).isTrue();
        assertThat(result.message()).contains("top=class-2:0.800");
    }

    @Test
    void anOperatorVersionTfliteLacksIsRefusedWithTfliteOwnWords() throws Exception {
        Path model = Files.write(dir.resolve("reshape99.tflite"), TinyModels.detectorWithOps(99, null));

        ChildValidator.Result result = run(ValidatorMain.class.getName(), 60_000, model, null);

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("TFLite could not build an interpreter")
                .contains("Didn't find op for builtin opcode 'RESHAPE' version '99'");
    }

    @Test
    void aNativeCrashKillsOnlyTheChild() throws Exception {
        Path model = Files.write(dir.resolve("any.tflite"), TinyModels.classifier());

        ChildValidator.Result result = run(CrashingMain.class.getName(), 60_000, model, null);

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).isEqualTo("TensorFlow Lite crashed while loading or running the model (SIGSEGV"
                + " (0xb) in native code; only the separate test process died) after the model loaded.");
    }

    @Test
    void aChildThatNeverFinishesIsKilledAtTheTimeout() throws Exception {
        Path model = Files.write(dir.resolve("any2.tflite"), TinyModels.classifier());

        ChildValidator.Result result = run(HangingMain.class.getName(), 3_000, model, null);

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).isEqualTo("the model did not finish loading and running on 2 frame(s) within"
                + " 3.0 s; the test process was stopped");
    }
}
