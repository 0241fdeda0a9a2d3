package org.bakusoku.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the machine looked like during the bench: cores, load average, memory of this process. Linux figures come
 * from {@code /proc} (proc(5): {@code /proc/loadavg}, {@code VmRSS} in {@code /proc/self/status}); elsewhere they
 * are reported as -1.
 */
final class HostInfo {

    private HostInfo() {
    }

    /** @return the number of processors the JVM may use */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** @return the 1-minute load average, or -1 when unknown */
    static double loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return Double.parseDouble(fields[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** @return resident set size of this process, megabytes (MiB), or -1 when unknown */
    static double rssMb() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0; // the value is in kB
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return -1;
    }

    /** @return Java heap in use, megabytes (MiB) */
    static double heapUsedMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
    }

    /** @return the most heap the JVM will use, megabytes (MiB) */
    static double heapMaxMb() {
        return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
    }

    /** @return e.g. {@code "Java 17.0.13, Linux amd64"} */
    static String platform() {
        return "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
    }
}
