package org.bakusoku.model;

/**
 * What the repository knows about one installed model; stored as {@code manifest.json} beside the model.
 *
 * @param id            first 12 hex digits of {@code sha256}, see {@link ModelInfo#id()}
 * @param sha256        lowercase hex SHA-256 of the {@code .tflite} file, 64 digits
 * @param name          human-readable name: letters, digits, space, {@code . _ -}, 1..64 characters
 * @param version       1 for the first model of this name, one more for each later model of the same name
 * @param uploadedAtMs  when it was installed, epoch ms
 * @param sizeBytes     size of the {@code .tflite} file, bytes
 * @param input         the image input
 * @param outputKind    what its outputs are, e.g. {@code "TFLite_Detection_PostProcess"} (boxes, classes, scores,
 *                      count)
 * @param classes       number of classes the model detects (the post-process op's {@code num_classes}), &ge; 0
 * @param maxDetections detection slots per frame (N of the {@code [1,N,4]} boxes output)
 * @param labelCount    number of class labels in its label file; 0 without a label file
 * @param origin        where it came from, e.g. {@code "upload"} or the path it was configured with
 * @param validation    the last validation in isolation
 */
public record ModelManifest(String id, String sha256, String name, int version, long uploadedAtMs, long sizeBytes,
        ModelInput input, String outputKind, int classes, int maxDetections, int labelCount, String origin,
        ModelValidation validation) {

    /** @return the identity used by the detector, events and the console */
    public ModelInfo info() {
        return new ModelInfo(id, name, sha256);
    }

    /**
     * @param next the new validation outcome
     * @return a copy with that validation
     */
    public ModelManifest withValidation(ModelValidation next) {
        return new ModelManifest(id, sha256, name, version, uploadedAtMs, sizeBytes, input, outputKind, classes,
                maxDetections, labelCount, origin, next);
    }
}
