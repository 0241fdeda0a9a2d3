package org.bakusoku.camera.control;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds decoder programs ({@code ffmpeg}, {@code rpicam-vid}) in a search path, as a shell would. The search path is
 * explicit rather than the JVM's own {@code PATH}, so tests can put a fake decoder first. Immutable.
 */
public final class ProgramLocator {

    private final String searchPath;

    /** @param searchPath directories separated by {@link File#pathSeparator}, e.g. the {@code PATH} variable */
    public ProgramLocator(String searchPath) {
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    /** @return a locator over the process's {@code PATH} */
    public static ProgramLocator fromEnvironment() {
        return new ProgramLocator(System.getenv("PATH"));
    }

    /**
     * @param names program names to try in order, e.g. {@code "rpicam-vid", "libcamera-vid"}
     * @return the first executable found, as an absolute path
     */
    public Optional<Path> find(String... names) {
        for (String name : names) {
            for (String dir : searchPath.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }
}
