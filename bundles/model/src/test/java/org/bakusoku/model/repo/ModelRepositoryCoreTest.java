package org.bakusoku.model.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.bakusoku.model.ModelException;
import org.bakusoku.model.ModelException.Reason;
import org.bakusoku.model.ModelInput;
import org.bakusoku.model.ModelManifest;
import org.bakusoku.model.ModelTopics;
import org.bakusoku.model.ModelValidation;
import org.bakusoku.model.store.ModelStore;
import org.bakusoku.model.testing.Shared;
import org.bakusoku.model.testing.TinyModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.TensorType;

class ModelRepositoryCoreTest {

    private static final byte[] MODEL_A = TinyModels.detector(16, TensorType.UINT8, 3, 0, 0.9f);
    private static final byte[] MODEL_B = TinyModels.detector(16, TensorType.UINT8, 3, 1, 0.8f);
    private static final byte[] LABELS_ABC = "cat\ndog\nbird\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;
    private final Fakes.Detector detector = new Fakes.Detector();
    private final Fakes.ManualScheduler scheduler = new Fakes.ManualScheduler();
    private final Fakes.Events events = new Fakes.Events();
    private final Fakes.Isolated isolated = new Fakes.Isolated();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private RepositorySettings settings = new RepositorySettings(RepositorySettings.DEFAULT_MAX_BYTES, 3, 10_000);
    private ModelRepositoryCore repo;

    @BeforeEach
    void open() throws IOException {
        repo = reopen();
    }

    private ModelRepositoryCore reopen() throws IOException {
        return new ModelRepositoryCore(ModelStore.open(data.resolve("models")), detector, isolated, () -> settings,
                scheduler, events::post, clock::get);
    }

    private ModelManifest install(byte[] model, byte[] labels, String name) throws ModelException {
        return repo.install(new ByteArrayInputStream(model), labels == null ? null : new ByteArrayInputStream(labels),
                name);
    }

    @Test
    void installsAModelWithItsManifestAndListsItAfterAReopen() throws Exception {
        ModelManifest a = install(MODEL_A, LABELS_ABC, "pets");
        clock.addAndGet(1000);
        ModelManifest b = install(MODEL_B, null, "pets");

        assertThat(a.id()).hasSize(12).isEqualTo(a.sha256().substring(0, 12));
        assertThat(a.input()).isEqualTo(new ModelInput(16, 16, "UINT8"));
        assertThat(a).extracting(ModelManifest::classes, ModelManifest::maxDetections, ModelManifest::labelCount,
                ModelManifest::version, ModelManifest::sizeBytes).containsExactly(3, 3, 3, 1, (long) MODEL_A.length);
        assertThat(a.validation().status()).isEqualTo(ModelValidation.Status.PASSED);
        assertThat(a.validation().invokeMs()).isEqualTo(12.5);
        assertThat(b.version()).isEqualTo(2);
        assertThat(b.labelCount()).isZero();
        Path folder = data.resolve("models").resolve(a.sha256());
        assertThat(folder.resolve("model.tflite")).hasBinaryContent(MODEL_A);
        assertThat(folder.resolve("labels.txt")).hasBinaryContent(LABELS_ABC);

        assertThat(reopen().list()).containsExactly(a, b);
    }

    @Test
    void refusesBadUploadsWithAReasonAndKeepsNothing() throws Exception {
        ModelManifest good = install(MODEL_A, null, "good");
        byte[] truncated = java.util.Arrays.copyOf(Shared.modelBytes(Shared.COCO), 1000);
        byte[] random = new byte[5000];
        new java.util.Random(42).nextBytes(random);

        assertRefused(new byte[0], null, "empty", Reason.INVALID_MODEL, "the file is empty");
        assertRefused(truncated, null, "truncated", Reason.INVALID_MODEL, "the model file is truncated or corrupt");
        assertRefused(random, null, "random", Reason.INVALID_MODEL, "not a TFLite model: bytes 4..7 should be");
        assertRefused(Files.readAllBytes(Shared.image("darknet_dog.jpg")), null, "photo", Reason.INVALID_MODEL,
                "this is a JPEG image, not a TFLite model");
        assertRefused(Shared.modelBytes(Shared.CLASSIFIER), null, "imagenet", Reason.INVALID_MODEL,
                "input tensor has shape [1,128,128,3] but outputs are not detection outputs: looks like a"
                        + " classification model");
        assertRefused(TinyModels.detectorWithOps(1, "MyMagicOp"), null, "magic", Reason.INVALID_MODEL,
                "the model uses the custom operator 'MyMagicOp', which this appliance's TensorFlow Lite 2.18 does"
                        + " not have");
        assertRefused(MODEL_B, "cat\ndog\n".getBytes(StandardCharsets.UTF_8), "labels", Reason.INVALID_REQUEST,
                "the label file has 2 label(s) but the model detects 3 class(es)");
        assertRefused(MODEL_B, null, "../../etc/passwd", Reason.INVALID_REQUEST, "must not contain '..'");
        assertRefused(MODEL_B, null, "bell\u0007", Reason.INVALID_REQUEST, "control characters");
        assertRefused(MODEL_A, null, "again", Reason.ALREADY_INSTALLED, "already installed, id " + good.id());
        isolated.failure = "TFLite could not build an interpreter (unsupported operator or corrupt model)";
        assertRefused(MODEL_B, null, "broken", Reason.INVALID_MODEL,
                "the model failed its test run: TFLite could not build an interpreter");

        assertThat(repo.list()).containsExactly(good);
        assertThat(Files.list(data.resolve("models")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder(good.sha256(), ".incoming");
        assertThat(data.resolve("models/.incoming")).isEmptyDirectory();
        assertThat(repo.lastProblem()).hasValueSatisfying(p -> assertThat(p.message()).contains("test run"));
        assertThat(events.topics()).containsOnly(ModelTopics.FAILED);
    }

    @Test
    void cutsAnUploadOffAtTheSizeLimit() throws Exception {
        settings = new RepositorySettings(1024, 3, 10_000);
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 7;
            }
        };

        assertThatThrownBy(() -> repo.install(endless, null, "huge")).isInstanceOf(ModelException.class)
                .hasMessage("the model is larger than the limit of 1024 bytes (0 MiB); the upload was cut off there")
                .extracting(e -> ((ModelException) e).reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(served.get()).isEqualTo(1025);
        assertThat(repo.list()).isEmpty();
    }

    private void assertRefused(byte[] model, byte[] labels, String name, Reason reason, String message) {
        assertThatThrownBy(() -> install(model, labels, name)).isInstanceOf(ModelException.class)
                .hasMessageContaining(message).extracting(e -> ((ModelException) e).reason()).isEqualTo(reason);
    }

    @Test
    void activationIsConfirmedByFramesOfTheNewModelAndSurvivesARestart() throws Exception {
        ModelManifest a = install(MODEL_A, LABELS_ABC, "a");
        ModelManifest b = install(MODEL_B, null, "b");
        repo.activate(a.id());
        confirm(a);

        repo.activate(b.id());
        repo.onDetected(a.id()); // the old model still runs while the new one loads
        repo.onDetected(b.id());
        repo.onDetected(b.id());
        assertThat(repo.tasks()).singleElement().satisfies(t -> assertThat(t.step())
                .isEqualTo("the detector ran it on 2 of 3 frame(s)"));
        repo.onDetected(b.id());

        Path store = data.resolve("models");
        assertThat(detector.used).last().isEqualTo(new DetectorControl.Configured(
                store.resolve(b.sha256()).resolve("model.tflite"), null, "b"));
        assertThat(detector.used.get(0).labels()).isEqualTo(store.resolve(a.sha256()).resolve("labels.txt"));
        assertThat(events.last().topic()).isEqualTo(ModelTopics.ACTIVATED);
        assertThat(events.last().props()).containsEntry(ModelTopics.MODEL_ID, b.id());
        assertThat(repo.tasks()).isEmpty();
        assertThat(scheduler.pending()).isZero();
        assertThat(reopen().active()).contains(b);
    }

    @Test
    void rollsBackByItselfWhenTheDetectorKeepsTheOldModel() throws Exception {
        ModelManifest a = install(MODEL_A, null, "a");
        ModelManifest b = install(MODEL_B, null, "b");
        repo.activate(a.id());
        confirm(a);
        detector.running = a.info();

        repo.activate(b.id());
        repo.onDetected(a.id());
        scheduler.runAll();

        assertThat(repo.active()).contains(a);
        assertThat(detector.used).last().extracting(DetectorControl.Configured::name).isEqualTo("a");
        assertThat(events.topics()).endsWith(ModelTopics.FAILED, ModelTopics.ROLLED_BACK);
        assertThat(events.last().props()).containsEntry(ModelTopics.MODEL_ID, a.id())
                .containsEntry(ModelTopics.FROM_ID, b.id())
                .containsEntry(ModelTopics.REASON, "the detector kept running a (" + a.id() + "): it could not load"
                        + " b (see the appliance log)");
        assertThat(repo.lastProblem()).hasValueSatisfying(p -> assertThat(p.topic())
                .isEqualTo(ModelTopics.ROLLED_BACK));
    }

    @Test
    void rollsBackByItselfWhenTheNewModelFailsOnFrames() throws Exception {
        ModelManifest a = install(MODEL_A, null, "a");
        ModelManifest b = install(MODEL_B, null, "b");
        repo.activate(a.id());
        confirm(a);

        repo.activate(b.id());
        detector.running = b.info();
        repo.onDetected(b.id());
        scheduler.runAll();

        assertThat(repo.active()).contains(a);
        assertThat(events.last().props()).containsEntry(ModelTopics.REASON, "the detector produced only 1 result(s)"
                + " with b within 10 s of the switch: it fails on frames");
    }

    @Test
    void withoutFramesAnActivationStandsUnconfirmed() throws Exception {
        ModelManifest a = install(MODEL_A, null, "a");
        ModelManifest b = install(MODEL_B, null, "b");
        repo.activate(a.id());
        scheduler.runAll();
        repo.activate(b.id());
        detector.running = b.info();
        clock.addAndGet(60_000);
        scheduler.runAll();

        assertThat(repo.active()).contains(b);
        assertThat(events.last().topic()).isEqualTo(ModelTopics.ACTIVATED);
        assertThat(events.last().props().get(ModelTopics.REASON).toString()).contains("not yet confirmed on frames");
    }

    @Test
    void rollsBackOnRequestAndRefusesWhenThereIsNothingEarlier() throws Exception {
        ModelManifest a = install(MODEL_A, null, "a");
        ModelManifest b = install(MODEL_B, null, "b");
        repo.activate(a.id());
        assertThat(repo.previous()).isEmpty();
        assertThatThrownBy(() -> repo.rollback()).extracting(e -> ((ModelException) e).reason())
                .isEqualTo(Reason.NOTHING_TO_ROLL_BACK);
        repo.activate(b.id());
        assertThat(repo.previous()).contains(a);

        assertThat(repo.rollback()).isEqualTo(a);
        assertThat(repo.previous()).isEmpty();

        assertThat(repo.active()).contains(a);
        assertThat(detector.configured.name()).isEqualTo("a");
        assertThat(events.last().props()).containsEntry(ModelTopics.REASON, "rolled back on request");
        assertThat(repo.lastProblem()).as("a roll-back the user asked for is not a problem").isEmpty();
    }

    @Test
    void deletesOnlyModelsThatAreNotActive() throws Exception {
        ModelManifest a = install(MODEL_A, null, "a");
        ModelManifest b = install(MODEL_B, null, "b");
        repo.activate(a.id());

        assertThatThrownBy(() -> repo.delete(a.id())).extracting(e -> ((ModelException) e).reason())
                .isEqualTo(Reason.ACTIVE);
        repo.delete(b.id());
        assertThatThrownBy(() -> repo.delete(b.id())).extracting(e -> ((ModelException) e).reason())
                .isEqualTo(Reason.NOT_FOUND);

        assertThat(repo.list()).containsExactly(a);
        assertThat(data.resolve("models").resolve(b.sha256())).doesNotExist();
    }

    @Test
    void adoptsTheConfiguredModelAtStartWithoutRunningIt() throws Exception {
        detector.configured = new DetectorControl.Configured(Shared.model(Shared.COCO), null, null);

        repo.start();

        ModelManifest coco = repo.active().orElseThrow();
        assertThat(coco.name()).isEqualTo(Shared.COCO);
        assertThat(coco).extracting(ModelManifest::classes, ModelManifest::labelCount).containsExactly(90, 90);
        assertThat(coco.validation().status()).isEqualTo(ModelValidation.Status.NOT_RUN);
        assertThat(coco.origin()).startsWith("configured: ").endsWith("model.tflite");
        assertThat(isolated.ran).isEmpty();
        assertThat(detector.used).isEmpty();
        repo.start();
        assertThat(repo.list()).containsExactly(coco);
    }

    @Test
    void theRepositoryChoiceSurvivesALostConfigurationButANewConfiguredPathIsAdopted() throws Exception {
        detector.configured = new DetectorControl.Configured(Shared.model(Shared.COCO), null, null);
        repo.start();
        ModelManifest a = install(MODEL_A, null, "a");
        repo.activate(a.id());

        // ConfigAdmin's storage lost: the first-boot configuration names the default model again.
        detector.configured = new DetectorControl.Configured(Shared.model(Shared.COCO), null, null);
        detector.used.clear();
        ModelRepositoryCore restarted = reopen();
        restarted.start();

        assertThat(restarted.active()).contains(a);
        assertThat(detector.used).singleElement().extracting(DetectorControl.Configured::name).isEqualTo("a");

        // Someone types another model's path into the detector's configuration.
        detector.configured = new DetectorControl.Configured(Shared.model(Shared.FACE), null, "faces");
        restarted.start();

        assertThat(restarted.active()).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("faces"));
        assertThat(restarted.rollback()).isEqualTo(a);
    }

    @Test
    void validatesAnInstalledModelAgain() throws Exception {
        ModelManifest a = install(MODEL_A, null, "a");
        isolated.failure = "the model did not finish loading and running on 1 frame(s) within 60.0 s";

        ModelManifest again = repo.validate(a.id());

        assertThat(again.validation().status()).isEqualTo(ModelValidation.Status.FAILED);
        assertThat(reopen().get(a.id())).contains(again);
        assertThat(events.last().topic()).isEqualTo(ModelTopics.FAILED);
    }

    @Test
    void twoUploadsAtTheSameTimeBothFinishAndTheSameBytesAreStoredOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var first = pool.submit(() -> install(MODEL_A, null, "first"));
            var twin = pool.submit(() -> install(MODEL_A, null, "twin"));
            var other = pool.submit(() -> install(MODEL_B, null, "other"));
            java.util.List<Object> results = new java.util.ArrayList<>();
            for (var f : java.util.List.of(first, twin, other)) {
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    results.add(e.getCause());
                }
            }

            assertThat(results).filteredOn(ModelException.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((ModelException) e).reason()).isEqualTo(Reason.ALREADY_INSTALLED));
            assertThat(repo.list()).hasSize(2);
            assertThat(repo.list()).extracting(ModelManifest::sizeBytes)
                    .containsExactlyInAnyOrder((long) MODEL_A.length, (long) MODEL_B.length);
        } finally {
            pool.shutdownNow();
        }
    }

    private void confirm(ModelManifest m) {
        for (int i = 0; i < settings.confirmFrames(); i++) {
            repo.onDetected(m.id());
        }
        assertThat(events.last().topic()).isEqualTo(ModelTopics.ACTIVATED);
    }

}
