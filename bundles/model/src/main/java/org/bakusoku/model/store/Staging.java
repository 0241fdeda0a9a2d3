package org.bakusoku.model.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bakusoku.model.ModelException;
import org.bakusoku.model.ModelException.Reason;

/** Receives an upload into a staging folder of the {@link ModelStore}. */
final class Staging {

    private static final int COPY_BUFFER = 64 * 1024;

    private Staging() {
    }

    /**
     * Streams an upload into a staging folder, hashing it on the way and stopping at the size limit: at most
     * {@code maxBytes + 1} bytes are read, so an oversized upload is cut off there and never stored whole. The files
     * are forced to the disk before this returns.
     *
     * @param dir      the staging folder to create
     * @param model    the model bytes; read up to {@code maxBytes + 1} bytes, not closed
     * @param maxBytes the largest accepted model, bytes
     * @param labels   the label file's bytes, or null
     * @return the staged model
     * @throws ModelException {@link Reason#TOO_LARGE} (nothing kept) or {@link Reason#STORAGE}
     */
    static ModelStore.Staged receive(Path dir, InputStream model, long maxBytes, byte[] labels)
            throws ModelException {
        try {
            Files.createDirectories(dir);
            MessageDigest digest = sha256();
            long size = 0;
            Path file = dir.resolve(ModelStore.MODEL);
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                byte[] buffer = new byte[COPY_BUFFER];
                for (int n; (n = model.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - size))) > 0;) {
                    out.write(buffer, 0, n);
                    size += n;
                    if (size > maxBytes) {
                        throw new ModelException(Reason.TOO_LARGE, "the model is larger than the limit of "
                                + maxBytes + " bytes (" + maxBytes / (1024 * 1024) + " MiB); the upload was cut off"
                                + " there", null, null);
                    }
                }
            }
            AtomicFiles.syncFile(file);
            if (labels != null) {
                Files.write(dir.resolve(ModelStore.LABELS), labels);
                AtomicFiles.syncFile(dir.resolve(ModelStore.LABELS));
            }
            return new ModelStore.Staged(dir, HexFormat.of().formatHex(digest.digest()), size);
        } catch (ModelException e) {
            ModelStore.deleteQuietly(dir);
            throw e;
        } catch (IOException e) {
            ModelStore.deleteQuietly(dir);
            throw new ModelException(Reason.STORAGE, "the upload could not be received: " + e.getMessage(), null, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
