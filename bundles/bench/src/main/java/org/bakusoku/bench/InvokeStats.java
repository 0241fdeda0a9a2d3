package org.bakusoku.bench;

import org.bakusoku.detect.tflite.Delegation;

/**
 * Raw {@code Invoke()} figures of one interpreter configuration.
 *
 * @param threads     interpreter threads
 * @param xnnpack     whether the XNNPACK delegate was offered
 * @param delegation  how many graph nodes the delegate took
 * @param invokes     measured calls (after the warm-up)
 * @param medianMs    median duration of one call, milliseconds
 * @param p95Ms       95th percentile, milliseconds
 * @param parallelism process CPU time over wall time during the calls: the cores busy on average (0 if unknown)
 */
public record InvokeStats(int threads, boolean xnnpack, Delegation delegation, int invokes, double medianMs,
        double p95Ms, double parallelism) {
}
