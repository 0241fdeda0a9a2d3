package org.bakusoku.webconsole.internal.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes small secret files: created owner-only ({@code rw-------}, 0600) from the first byte on, and
 * durable before they become visible under their final name.
 */
public final class SecretFiles {

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private SecretFiles() {
    }

    /**
     * Replaces {@code target} atomically: writes a temporary file in the same folder, fsyncs it, renames it
     * over the target and fsyncs the folder, so that a power cut leaves either the old or the new content,
     * never a torn file.
     *
     * @param target file to write
     * @param text   content, written as UTF-8
     * @throws IOException if the folder is not writable or the file system refuses the rename
     */
    public static void writeAtomically(Path target, String text) throws IOException {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces {@code target} atomically with the given bytes, like {@link #writeAtomically(Path, String)}.
     *
     * @param target file to write
     * @param bytes  content
     * @throws IOException if the folder is not writable or the file system refuses the rename
     */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        writeNew(temp, bytes);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir);
    }

    /**
     * Creates a new file with mode 0600 given at creation (no window in which another user could open it)
     * and writes the text durably.
     *
     * @param target file to create; must not exist
     * @param text   content, written as UTF-8
     * @throws java.nio.file.FileAlreadyExistsException if the file exists
     * @throws UnsupportedOperationException            if the file system has no POSIX permissions
     * @throws IOException                              on any other write error
     */
    public static void writeNew(Path target, String text) throws IOException {
        writeNew(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Opens {@code target} for appending, creating it with mode 0600 if it does not exist (an existing file
     * keeps its mode). For logs that name users and client addresses.
     *
     * @param target file to append to
     * @return a channel positioned at the end; the caller closes it
     * @throws IOException if the file cannot be opened or created
     */
    public static FileChannel openOwnerOnlyForAppend(Path target) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        try {
            return FileChannel.open(target, options, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(target, options); // no POSIX permissions (not the appliance's case)
        }
    }

    private static void writeNew(Path target, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(target,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    /** Makes a rename durable: on Linux a directory opened read-only can be fsynced. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems refuse to open or sync a directory; the rename itself already happened.
        }
    }
}
