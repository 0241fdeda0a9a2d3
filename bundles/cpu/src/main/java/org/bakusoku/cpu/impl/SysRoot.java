package org.bakusoku.cpu.impl;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of the running system (sysfs, /proc, the boot partition) under one root folder: {@code /} on a
 * Pi, a temp tree laid out like a Pi in tests (system property {@code bakusoku.sysroot}). Every read and write
 * of this bundle goes through here, so nothing touches the real system by accident.
 */
class SysRoot {

    /** System or framework property naming the root folder; default {@code /}. */
    static final String PROPERTY = "bakusoku.sysroot";

    /** Checks a write before it happens; tests use it to play a read-only sysfs or boot partition. */
    @FunctionalInterface
    interface WriteGuard {
        /**
         * @param path the absolute path about to be written, created or deleted (under the root)
         * @throws IOException to refuse, e.g. {@link java.nio.file.AccessDeniedException}
         */
        void check(Path path) throws IOException;
    }

    private final Path root;
    private final WriteGuard guard;

    /**
     * @param root  the folder that stands for {@code /}
     * @param guard checked before every write; production passes a no-op (the OS decides)
     */
    SysRoot(Path root, WriteGuard guard) {
        this.root = root.toAbsolutePath().normalize();
        this.guard = guard;
    }

    /** @param root the folder that stands for {@code /} */
    SysRoot(Path root) {
        this(root, path -> {
        });
    }

    /**
     * @param absolute a path as on the device, e.g. {@code /sys/class/thermal/thermal_zone0/temp}
     * @return where it is under the root
     */
    Path path(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /**
     * @param path a path under the root
     * @return the path as on the device, for log lines and messages
     */
    String display(Path path) {
        Path relative = root.relativize(path.toAbsolutePath().normalize());
        return "/" + relative.toString().replace('\\', '/');
    }

    /**
     * @param absolute a path as on the device
     * @return the file's text without trailing NULs and surrounding white space (device tree strings end in
     *         NUL), or empty when it does not exist or cannot be read
     */
    Optional<String> text(String absolute) {
        return text(path(absolute));
    }

    /** @see #text(String) */
    Optional<String> text(Path path) {
        try {
            String value = Files.readString(path, StandardCharsets.ISO_8859_1);
            return Optional.of(value.replace("\0", " ").strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * @param path a file under the root
     * @return its bytes
     * @throws IOException if it cannot be read ({@link NoSuchFileException} when absent)
     */
    byte[] bytes(Path path) throws IOException {
        return Files.readAllBytes(path);
    }

    /**
     * @param dir  a folder as on the device
     * @param glob a file name pattern, e.g. {@code policy*}
     * @return matching entries sorted by name with natural number order ({@code policy4} before
     *         {@code policy10}); empty when the folder does not exist
     */
    List<Path> list(String dir, String glob) {
        List<Path> entries = new ArrayList<>();
        Path folder = path(dir);
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, glob)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            return entries;
        }
        entries.sort((a, b) -> naturalCompare(a.getFileName().toString(), b.getFileName().toString()));
        return entries;
    }

    private static int naturalCompare(String a, String b) {
        String aPrefix = a.replaceAll("\\d+$", "");
        String bPrefix = b.replaceAll("\\d+$", "");
        if (aPrefix.equals(bPrefix) && a.length() > aPrefix.length() && b.length() > bPrefix.length()) {
            return Long.compare(Long.parseLong(a.substring(aPrefix.length())), Long.parseLong(b.substring(bPrefix.length())));
        }
        return a.compareTo(b);
    }

    /**
     * Writes a sysfs attribute in place (sysfs files cannot be replaced by rename, and are never created).
     *
     * @param path  an existing attribute under the root
     * @param value the text to write
     * @throws IOException as the kernel answers: {@link java.nio.file.AccessDeniedException} when not
     *                     permitted, a plain {@link IOException} for an invalid value
     */
    void writeAttribute(Path path, String value) throws IOException {
        guard.check(path);
        Files.writeString(path, value, StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * Replaces a file atomically: writes a temp file beside it, flushes it to the medium, renames it over the
     * target and flushes the folder, so that a power cut leaves either the old or the new file.
     *
     * @param path    the target under the root
     * @param content the new bytes
     * @throws IOException if any step fails; the target is then unchanged
     */
    void writeAtomically(Path path, byte[] content) throws IOException {
        guard.check(path);
        Path temp = path.resolveSibling("." + path.getFileName() + ".bakusoku-tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            channel.force(true);
        }
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncFolder(path.getParent());
    }

    /**
     * @param path a file under the root
     * @throws IOException if it exists and cannot be deleted
     */
    void delete(Path path) throws IOException {
        guard.check(path);
        Files.deleteIfExists(path);
        syncFolder(path.getParent());
    }

    /**
     * Creates a folder (and its parents) if needed.
     *
     * @param path a folder under the root
     * @throws IOException if it cannot be created
     */
    void createFolder(Path path) throws IOException {
        guard.check(path);
        Files.createDirectories(path);
    }

    /** Flushes a folder's entries (the rename) to the medium; not every file system allows it, which is fine. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // vfat and some others refuse fsync on a folder; the rename is still done.
        }
    }
}
