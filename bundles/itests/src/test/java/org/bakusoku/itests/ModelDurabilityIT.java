package org.bakusoku.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Durability of the model repository (issue 4): the exported appliance jar runs in a forked JVM, is killed with
 * SIGKILL (with its validation child) at random moments of a model install, and restarted. After each restart the
 * repository must list only complete models (manifest readable, file hash equal to the folder name), nothing
 * half-written may be left, the active model must still be the chosen one and the detector must load it.
 *
 * <p>Each start gets a fresh OSGi framework storage, as the appliance does; ConfigAdmin keeps its store in the data
 * folder. The active choice must come back from there and from the repository's own {@code state.json}.
 */
class ModelDurabilityIT {

    private static final Path FACE = Paths.get("../shared/models/ssdlite_mobilenet_v2_face_float_input");
    private static final Path COCO = Paths.get("../shared/models/ssd_mobilenet_v1_coco_quant/model.tflite");
    private static final int KILL_ROUNDS = 3;

    private final Path data = Paths.get(System.getProperty("itest.dir", "target"), "durability-data")
            .toAbsolutePath();
    private Process appliance;
    private int starts;

    @AfterEach
    void stop() throws InterruptedException {
        if (appliance != null) {
            kill(appliance);
        }
    }

    @Test
    void killedDuringInstallsTheRepositoryListsOnlyCompleteModelsAndTheActiveOneLoads() throws Exception {
        ApplianceTestSupport.deleteTree(data);
        for (int i = 0; i <= KILL_ROUNDS; i++) {
            ApplianceTestSupport.deleteTree(data.resolveSibling("durability-framework-" + i));
        }
        Files.deleteIfExists(data.resolveSibling("durability-appliance.log"));
        int port = freePort();
        ModelHttp http = start(port);
        String faces = http.upload("faces", Files.readAllBytes(FACE.resolve("labels.txt")),
                Files.readAllBytes(FACE.resolve("model.tflite"))).field("id");
        assertEquals(200, http.post("/api/v1/models/" + faces + "/activate").status());
        awaitActivated(http, faces);

        Random random = new Random();
        byte[] coco = Files.readAllBytes(COCO);
        for (int round = 0; round < KILL_ROUNDS; round++) {
            // A new model each round: the COCO model with a few trailing bytes (still a valid model, new sha256).
            byte[] variant = Arrays.copyOf(coco, coco.length + 1 + round);
            ModelHttp uploader = http;
            Thread upload = new Thread(() -> {
                try {
                    uploader.upload("variant " + System.nanoTime(), null, variant);
                } catch (IOException e) {
                    // expected: the appliance is killed under the upload
                }
            });
            upload.start();
            long killAfterMs = random.nextInt(6_000);
            upload.join(killAfterMs);
            kill(appliance);
            upload.join(10_000);

            http = start(port);
            assertOnlyCompleteModels(http, "round " + round + ", killed " + killAfterMs + " ms into the install");
            System.out.println("ModelDurabilityIT round " + round + ": killed " + killAfterMs + " ms into an install;"
                    + " listed after restart: " + (http.get("/api/v1/models").body().split("\"sha256\"", -1).length - 1)
                    + " model(s)");
            String listing = http.get("/api/v1/models").body();
            assertEquals(faces, http.get("/api/v1/models").field("active_id"), listing);
            assertEquals(faces, awaitDetectionsBy(http, faces), "the active model loads after the restart");
        }
    }

    private ModelHttp start(int port) throws Exception {
        Path jar = Paths.get(System.getProperty("appliance.runtime.jar"));
        Files.createDirectories(data);
        appliance = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.osgi.service.http.port=" + port, "-Dorg.osgi.service.http.port.secure=0",
                "-Dbakusoku.data=" + data,
                "-Dlaunch.storage.dir=" + data.resolveSibling("durability-framework-" + starts++), "-jar",
                jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolveSibling("durability-appliance.log").toFile()))
                .start();
        Path password = data.resolve("initial-password");
        String base = "http://127.0.0.1:" + port;
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(password) && Files.size(password) > 0) {
                ModelHttp http = new ModelHttp(base, Files.readString(password, StandardCharsets.UTF_8).trim());
                try {
                    ModelHttp.Answer models = http.get("/api/v1/models");
                    if (models.status() == 200 && models.field("active_id") != null
                            && !"null".equals(models.field("active_id"))) {
                        return http;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
            }
            assertTrue(appliance.isAlive(), "the appliance died at start; see durability-appliance.log");
            Thread.sleep(250);
        }
        throw new AssertionError("the appliance did not serve /api/v1/models with an active model within 90 s");
    }

    private static void awaitActivated(ModelHttp http, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            ModelHttp.Answer models = http.get("/api/v1/models");
            if (models.body().contains("\"tasks\":[]") && id.equals(models.field("active_id"))
                    && id.equals(http.get("/api/v1/detections/latest").field("id"))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("activation of " + id + " not confirmed within 90 s");
    }

    private static String awaitDetectionsBy(ModelHttp http, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        String seen = null;
        while (System.currentTimeMillis() < deadline) {
            seen = http.get("/api/v1/detections/latest").field("id");
            if (id.equals(seen)) {
                return seen;
            }
            Thread.sleep(250);
        }
        return seen;
    }

    /** Every model folder is complete and listed, and nothing half-written is left in the models folder. */
    private void assertOnlyCompleteModels(ModelHttp http, String when) throws Exception {
        Path models = data.resolve("models");
        String listing = http.get("/api/v1/models").body();
        try (Stream<Path> entries = Files.list(models)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.matches("[0-9a-f]{64}")) {
                    assertEquals(name, sha256(entry.resolve("model.tflite")), when + ": " + name + " is complete");
                    assertTrue(Files.readString(entry.resolve("manifest.json")).contains(name), when);
                    assertTrue(listing.contains(name), when + ": " + name + " is listed");
                } else if (name.equals(".incoming")) {
                    try (Stream<Path> incoming = Files.list(entry)) {
                        assertEquals(List.of(), incoming.toList(), when + ": no leftover of the interrupted upload");
                    }
                } else {
                    assertTrue(List.of("state.json", ".validator").contains(name), when + ": unexpected " + name);
                }
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SIGKILL the appliance and its validation children: no shutdown hook, no flush, like a power cut. */
    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
