package org.bakusoku.cpu;

import java.util.List;

/** A CPU request that was not carried out; the message says why in plain words and what to do. */
public class CpuException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, so that an API can choose its status code. */
    public enum Kind {
        /** The request names something that does not exist (an unknown governor or profile): HTTP 400. */
        INVALID,
        /** Valid, but refused here: wrong board, no tryboot support, a trial already pending: HTTP 409. */
        REFUSED,
        /** This machine has no such facility (no cpufreq in sysfs): HTTP 409. */
        UNAVAILABLE,
        /** The operating system denied a write (read-only sysfs or boot partition): HTTP 500. */
        PERMISSION,
        /** Any other I/O failure: HTTP 500. */
        FAILED
    }

    private final Kind kind;
    private final List<String> choices;

    /**
     * @param kind    what kind of failure
     * @param message what went wrong and what to do, for people
     * @param choices the valid values when {@code kind} is {@link Kind#INVALID} (e.g. the available
     *                governors), else empty
     */
    public CpuException(Kind kind, String message, List<String> choices) {
        super(message);
        this.kind = kind;
        this.choices = List.copyOf(choices);
    }

    /**
     * @param kind    what kind of failure
     * @param message what went wrong and what to do, for people
     */
    public CpuException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    /** @return what kind of failure */
    public Kind kind() {
        return kind;
    }

    /** @return the valid values for an {@link Kind#INVALID} request; empty otherwise */
    public List<String> choices() {
        return choices;
    }
}
