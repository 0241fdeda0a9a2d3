package org.bakusoku.detect.tflite;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Process CPU time and wall time, for {@link ThreadCheck}. An interface so that a test can fake a measurement
 * (e.g. threads that do not run in parallel) without pinning the JVM to one core.
 */
public interface CpuClock {

    /** @return CPU time consumed by the whole process (all threads, native ones included), nanoseconds */
    long processCpuNanos();

    /** @return a monotonic wall clock, nanoseconds ({@link System#nanoTime()}) */
    long wallNanos();

    /**
     * The JVM's own figures: {@code ProcessCpuTime} of the platform {@code OperatingSystem} MXBean (read through
     * the MBean server, so that no {@code com.sun.management} import is needed inside OSGi) and
     * {@link System#nanoTime()}.
     *
     * @return the system clock
     */
    static CpuClock system() {
        return new CpuClock() {
            private final ObjectName os = name();

            @Override
            public long processCpuNanos() {
                try {
                    Object value = ManagementFactory.getPlatformMBeanServer().getAttribute(os, "ProcessCpuTime");
                    return value instanceof Long nanos ? nanos : -1;
                } catch (JMException e) {
                    return -1;
                }
            }

            @Override
            public long wallNanos() {
                return System.nanoTime();
            }
        };
    }

    private static ObjectName name() {
        try {
            return new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME);
        } catch (JMException e) {
            throw new IllegalStateException("the platform MXBean name is a constant", e);
        }
    }
}
