package org.bakusoku.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bakusoku.model.ModelInput;
import org.bakusoku.model.ModelManifest;
import org.bakusoku.model.ModelValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    @TempDir
    Path root;

    private static ModelManifest manifest(ModelStore.Staged s, String name) {
        return new ModelManifest(s.sha256().substring(0, 12), s.sha256(), name, 1, 1_000L, s.size(),
                new ModelInput(300, 300, "UINT8"), "kind", 90, 10, 0, "upload",
                new ModelValidation(ModelValidation.Status.PASSED, "ok", 12.5, 2_000L));
    }

    private static ModelManifest store(ModelStore store, String content, String name) throws Exception {
        ModelStore.Staged s = store.receive(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1024,
                null);
        return store.commit(s, manifest(s, name));
    }

    @Test
    void listsOnlyCompleteModelsAfterAnInterruptedRun() throws Exception {
        ModelStore store = ModelStore.open(root);
        ModelManifest good = store(store, "complete model", "good");
        store.saveState(RepositoryState.empty().activate(good.sha256()));
        // What a kill -9 can leave behind at each step of an install:
        ModelStore.Staged receiving = store.receive(new ByteArrayInputStream(new byte[100]), 1024, null);
        Path noManifest = Files.createDirectories(root.resolve("a".repeat(64)));
        Files.write(noManifest.resolve(ModelStore.MODEL), new byte[10]);
        ModelManifest shortened = store(store, "a model whose file was cut short", "short");
        Files.write(root.resolve(shortened.sha256()).resolve(ModelStore.MODEL), new byte[3]);
        Files.write(root.resolve(".state.json.1234.tmp"), new byte[] {'{'});

        ModelStore reopened = ModelStore.open(root);

        assertThat(reopened.list()).containsExactly(good);
        assertThat(reopened.state().active()).isEqualTo(good.sha256());
        assertThat(receiving.dir()).doesNotExist();
        assertThat(noManifest).doesNotExist();
        assertThat(root.resolve(shortened.sha256())).doesNotExist();
        assertThat(Files.list(root).map(p -> p.getFileName().toString()).toList())
                .containsExactlyInAnyOrder(good.sha256(), ModelStore.STATE);
    }

    @Test
    void manifestsAndStateRoundTripThroughJson() throws Exception {
        ModelStore store = ModelStore.open(root);
        ModelManifest a = store(store, "model a", "a");
        ModelManifest b = store(store, "model b", "b");
        RepositoryState state = RepositoryState.empty().activate(a.sha256()).activate(b.sha256());
        store.saveState(state);

        ModelStore reopened = ModelStore.open(root);

        assertThat(reopened.list()).containsExactly(a, b);
        assertThat(reopened.state()).isEqualTo(new RepositoryState(b.sha256(), List.of(a.sha256())));
        assertThat(reopened.find(a.id())).contains(a);
        assertThat(reopened.find("../../etc")).isEmpty();
        String json = Files.readString(root.resolve(a.sha256()).resolve(ModelStore.MANIFEST));
        assertThat(json).contains("\"uploaded_at\" : \"1970-01-01T00:00:01Z\"").contains("\"invoke_ms\" : 12.5");
    }

    @Test
    void historyRollsBackThroughEarlierModelsAndForgetsDeletedOnes() {
        RepositoryState s = RepositoryState.empty().activate("a").activate("b").activate("c").activate("b");

        assertThat(s).isEqualTo(new RepositoryState("b", List.of("a", "c")));
        assertThat(s.rollBack()).isEqualTo(new RepositoryState("c", List.of("a")));
        assertThat(s.forget("a")).isEqualTo(new RepositoryState("b", List.of("c")));
    }
}
