package org.bakusoku.camera;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared read-only test data: {@code ${bakusoku.shared}} as set by the root pom's Surefire configuration,
 * else {@code ../shared} beside the repository root. Never copied into the repository.
 */
public final class SharedData {

    private SharedData() {
    }

    /** @return the shared data root */
    public static Path root() {
        String configured = System.getProperty("bakusoku.shared");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir.getParent() != null && !Files.isDirectory(dir.resolve("bundles"))) {
            dir = dir.getParent(); // from a module folder up to the repository root
        }
        return dir.resolve("../shared").normalize();
    }

    /** @return the reference MJPEG AVI: 640x480, 10 fps, 80 frames */
    public static Path mjpegVideo() {
        return root().resolve("data/video/vtest_pedestrians_8s_mjpeg.avi");
    }

    /** @return the folder of test photos */
    public static Path images() {
        return root().resolve("data/images");
    }
}
