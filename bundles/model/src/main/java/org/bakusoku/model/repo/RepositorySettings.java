package org.bakusoku.model.repo;

/**
 * Validated repository settings.
 *
 * @param maxModelBytes    largest accepted model file, bytes, 1 KiB..1 GiB
 * @param confirmFrames    frames the detector must report with the new model to confirm an activation, 1..100
 * @param confirmTimeoutMs how long an activation may wait for those frames before it is rolled back, ms,
 *                         1,000..600,000
 */
public record RepositorySettings(long maxModelBytes, int confirmFrames, long confirmTimeoutMs) {

    /** Default upload limit: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /**
     * @throws IllegalArgumentException naming the first bad value and its range
     */
    public RepositorySettings {
        if (maxModelBytes < 1024 || maxModelBytes > 1L << 30) {
            throw new IllegalArgumentException("upload.max.bytes must be 1024..1073741824, got " + maxModelBytes);
        }
        if (confirmFrames < 1 || confirmFrames > 100) {
            throw new IllegalArgumentException("confirm.frames must be 1..100, got " + confirmFrames);
        }
        if (confirmTimeoutMs < 1_000 || confirmTimeoutMs > 600_000) {
            throw new IllegalArgumentException("confirm.timeout.ms must be 1000..600000, got " + confirmTimeoutMs);
        }
    }
}
