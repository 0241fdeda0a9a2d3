package org.bakusoku.webconsole.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

import org.bakusoku.model.ModelException;
import org.bakusoku.model.ModelException.Reason;
import org.bakusoku.model.ModelInput;
import org.bakusoku.model.ModelManifest;
import org.bakusoku.model.ModelNotice;
import org.bakusoku.model.ModelRepository;
import org.bakusoku.model.ModelTask;
import org.bakusoku.model.ModelTopics;
import org.bakusoku.model.ModelValidation;
import org.junit.jupiter.api.Test;

class ModelsApiTest {

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);
    private static final ModelManifest A = manifest(SHA_A, "coco");
    private static final ModelManifest B = manifest(SHA_B, "faces");

    private final ModelRepository repo = mock(ModelRepository.class);
    private final ModelsApi api = new ModelsApi(() -> repo);

    private static ModelManifest manifest(String sha, String name) {
        return new ModelManifest(sha.substring(0, 12), sha, name, 1, 1_764_400_000_000L, 4_183_312L,
                new ModelInput(300, 300, "UINT8"), "TFLite_Detection_PostProcess (boxes, classes, scores, count)", 90,
                10, 90, "upload", new ModelValidation(ModelValidation.Status.PASSED, "ran on 3 frame(s)", 41.5,
                        1_764_400_001_000L));
    }

    @Test
    void listsManifestsWithTheActiveOneMarkedProgressAndTheLastProblem() {
        when(repo.list()).thenReturn(List.of(A, B));
        when(repo.active()).thenReturn(Optional.of(B));
        when(repo.previous()).thenReturn(Optional.of(A));
        when(repo.maxModelBytes()).thenReturn(64L << 20);
        when(repo.tasks()).thenReturn(List.of(new ModelTask("install", "faces2", "ran frame 2 of 3", 60,
                1_764_400_002_000L)));
        when(repo.lastProblem()).thenReturn(Optional.of(new ModelNotice(ModelTopics.ROLLED_BACK, SHA_A.substring(0,
                12), "the detector produced no result with x within 10 s of the switch", 1_764_400_003_000L)));

        Answer answer = api.list();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("active_id").asText()).isEqualTo("bbbbbbbbbbbb");
        assertThat(answer.body().path("rollback_id").asText()).isEqualTo("aaaaaaaaaaaa");
        assertThat(answer.body().path("max_model_bytes").asLong()).isEqualTo(67_108_864L);
        assertThat(answer.body().path("models")).extracting(m -> m.path("active").asBoolean()).containsExactly(false,
                true);
        assertThat(answer.body().path("models").get(0).path("input").path("width").asInt()).isEqualTo(300);
        assertThat(answer.body().path("models").get(0).path("validation").path("invoke_ms").asDouble())
                .isEqualTo(41.5);
        assertThat(answer.body().path("models").get(0).path("uploaded_at").asText())
                .isEqualTo("2025-11-29T07:06:40Z");
        assertThat(answer.body().path("tasks").get(0).path("step").asText()).isEqualTo("ran frame 2 of 3");
        assertThat(answer.body().path("last_problem").path("message").asText()).startsWith("the detector produced");
    }

    @Test
    void mapsRefusalsToStatusCodesAndNamesTheInstalledTwin() throws Exception {
        when(repo.install(any(), eq(null), eq("again"))).thenThrow(new ModelException(Reason.ALREADY_INSTALLED,
                "already installed, id aaaaaaaaaaaa ('coco' v1)", "aaaaaaaaaaaa", null));
        when(repo.install(any(), eq(null), eq("imagenet"))).thenThrow(new ModelException(Reason.INVALID_MODEL,
                "input tensor has shape [1,224,224,3] but outputs are not detection outputs: looks like a"
                        + " classification model"));
        when(repo.activate("nope")).thenThrow(new ModelException(Reason.NOT_FOUND, "no model with id 'nope'"));
        when(repo.rollback()).thenThrow(new ModelException(Reason.NOTHING_TO_ROLL_BACK, "nothing"));
        org.mockito.Mockito.doThrow(new ModelException(Reason.ACTIVE, "active")).when(repo).delete("aaaaaaaaaaaa");

        Answer twin = api.install(new ByteArrayInputStream(new byte[1]), null, "again");
        Answer classifier = api.install(new ByteArrayInputStream(new byte[1]), null, "imagenet");

        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.body().path("error").asText()).isEqualTo("already_installed");
        assertThat(twin.body().path("id").asText()).isEqualTo("aaaaaaaaaaaa");
        assertThat(twin.body().path("message").asText()).startsWith("already installed, id aaaaaaaaaaaa");
        assertThat(classifier.status()).isEqualTo(422);
        assertThat(classifier.body().path("message").asText()).endsWith("looks like a classification model");
        assertThat(api.activate("nope").status()).isEqualTo(404);
        assertThat(api.rollback().body().path("error").asText()).isEqualTo("nothing_to_roll_back");
        assertThat(api.delete("aaaaaaaaaaaa").body().path("error").asText()).isEqualTo("active_model");
    }

    @Test
    void installsActivatesAndAnswers503WithoutARepository() throws Exception {
        when(repo.install(any(), any(), eq("faces"))).thenReturn(B);
        when(repo.activate("bbbbbbbbbbbb")).thenReturn(B);

        assertThat(api.install(new ByteArrayInputStream(new byte[1]), null, "faces").status()).isEqualTo(201);
        assertThat(api.activate("bbbbbbbbbbbb").body().path("sha256").asText()).isEqualTo(SHA_B);
        assertThat(new ModelsApi(() -> null).list().status()).isEqualTo(503);
    }
}
