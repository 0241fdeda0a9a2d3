package org.bakusoku.model.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Crash-safe file writes: write a temporary file, force it to the disk, rename it over the target, then force the
 * folder so that the rename itself survives a power cut (the sequence recommended for ext4 and used by
 * databases; {@code rename(2)} is atomic within one file system).
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Replaces a file's content atomically: readers see the old or the new content, never a mix or nothing.
     *
     * @param target  the file
     * @param content its new content
     * @throws IOException if writing, syncing or renaming fails; the target is then unchanged
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    /**
     * Forces a file's content to the disk.
     *
     * @param file an existing file
     * @throws IOException if it cannot be opened or synced
     */
    public static void syncFile(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /**
     * Forces a folder's entries (names created, renamed or removed in it) to the disk.
     *
     * @param dir an existing folder
     * @throws IOException if it cannot be opened or synced
     */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /**
     * Deletes a folder and everything below it; a missing folder is fine.
     *
     * @param dir the folder
     * @throws IOException if something cannot be deleted
     */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
