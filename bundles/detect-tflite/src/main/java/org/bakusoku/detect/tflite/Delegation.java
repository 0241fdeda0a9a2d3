package org.bakusoku.detect.tflite;

/**
 * How much of a graph a delegate took over when the model was loaded.
 *
 * @param delegate   the delegate's name, e.g. {@code "XNNPACK"}, or {@code "none"} when no delegate was offered
 * @param taken      original graph nodes now run by the delegate, 0..total
 * @param total      original graph nodes (operators of the model)
 * @param partitions delegate kernel nodes that replaced them (one per contiguous partition), &ge; 0
 */
public record Delegation(String delegate, int taken, int total, int partitions) {

    /** @return a short description for logs, e.g. {@code "delegate XNNPACK took 14 of 64 nodes (2 partitions)"} */
    public String describe() {
        if ("none".equals(delegate)) {
            return "no delegate, " + total + " nodes on the built-in kernels";
        }
        return "delegate " + delegate + " took " + taken + " of " + total + " nodes (" + partitions + " partition"
                + (partitions == 1 ? "" : "s") + ")";
    }
}
