package org.bakusoku.detect.tflite;

import java.util.Locale;

import org.bakusoku.detect.DetectorException;

/**
 * Start-up self-check of the interpreter threads: process CPU time over wall time while the model runs a few
 * times. With {@code T} threads in effect this ratio approaches {@code T} (TFLite's workers share each
 * {@code Invoke()}); near 1 it means the threads are configured but run one at a time, e.g. the process is pinned
 * to one core (taskset, cgroup CPU quota) or other processes take the other cores. The figure covers the whole
 * process, so other busy threads (a camera decoding frames) can hide a problem, never invent one.
 *
 * @param threads interpreter threads configured, &ge; 1
 * @param invokes number of measured {@code Invoke()} calls, &ge; 1
 * @param cpuMs   process CPU time during those calls, milliseconds; negative when the platform cannot tell
 * @param wallMs  wall time of those calls, milliseconds
 */
public record ThreadCheck(int threads, int invokes, double cpuMs, double wallMs) {

    /** Below this CPU/wall ratio more than one configured thread counts as not in effect. */
    public static final double INEFFECTIVE_BELOW = 1.25;

    /** Measured invokes at model load (after one warm-up invoke). */
    public static final int INVOKES = 3;

    /** Something that runs the model once. */
    @FunctionalInterface
    public interface Invocation {
        /** @throws DetectorException if the model fails */
        void run() throws DetectorException;
    }

    /**
     * Runs the model {@code invokes} times and measures process CPU and wall time around the calls.
     *
     * @param threads configured interpreter threads
     * @param clock   the clock to read
     * @param invoke  one model run
     * @param invokes number of runs, &ge; 1
     * @return the measurement
     * @throws DetectorException if a run fails
     */
    public static ThreadCheck measure(int threads, CpuClock clock, Invocation invoke, int invokes)
            throws DetectorException {
        long cpu0 = clock.processCpuNanos();
        long wall0 = clock.wallNanos();
        for (int i = 0; i < invokes; i++) {
            invoke.run();
        }
        long cpu1 = clock.processCpuNanos();
        long wall1 = clock.wallNanos();
        double cpuMs = cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) / 1e6;
        return new ThreadCheck(threads, invokes, cpuMs, (wall1 - wall0) / 1e6);
    }

    /** @return CPU time over wall time, the number of cores busy on average; 0 when unknown */
    public double parallelism() {
        return cpuMs < 0 || wallMs <= 0 ? 0 : cpuMs / wallMs;
    }

    /**
     * @return true when more than one thread is configured and the measurement worked but the process kept less
     *         than {@value #INEFFECTIVE_BELOW} cores busy
     */
    public boolean ineffective() {
        return threads > 1 && cpuMs >= 0 && parallelism() < INEFFECTIVE_BELOW;
    }

    /** @return one log line saying what was measured and, when ineffective, what to check */
    public String describe() {
        String figures = String.format(Locale.ROOT, "%d threads, CPU/wall %.2f over %d invokes (%.0f ms CPU in %.0f ms)",
                threads, parallelism(), invokes, cpuMs, wallMs);
        if (cpuMs < 0) {
            return "thread check skipped: the JVM reports no process CPU time";
        }
        if (ineffective()) {
            return "threads not in effect: " + figures + "; the process got about one core. Check CPU pinning"
                    + " (taskset, systemd CPUAffinity, cgroup cpu.max) and other load, or set threads=1";
        }
        return "thread check: " + figures;
    }
}
