package org.bakusoku.model;

/**
 * Identity of a detection model as shown in the console, the API and events.
 *
 * @param id     stable identifier: the first 12 hex digits of {@code sha256}
 * @param name   human-readable name, e.g. {@code "ssd_mobilenet_v1_coco_quant"}
 * @param sha256 lowercase hex SHA-256 of the {@code .tflite} file, 64 characters
 */
public record ModelInfo(String id, String name, String sha256) {

    /**
     * Builds the info of a model from its name and file hash; the id is the hash's first 12 hex digits.
     *
     * @param name   human-readable name
     * @param sha256 64 lowercase hex digits
     * @return the model info
     * @throws IllegalArgumentException if {@code sha256} is not 64 hex digits
     */
    public static ModelInfo of(String name, String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
        }
        return new ModelInfo(sha256.substring(0, 12), name, sha256);
    }
}
