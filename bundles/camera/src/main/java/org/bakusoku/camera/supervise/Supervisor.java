package org.bakusoku.camera.supervise;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.bakusoku.camera.stream.Diagnosis;
import org.bakusoku.frame.CameraState;

/**
 * Keeps a source delivering frames: starts a {@link Session}, declares it {@link CameraState#STALLED} when no frame
 * arrived for the stall time (the first frame gets {@link #startupNanos} instead), ends it, and starts a new one after
 * an exponential back-off: initial delay, doubled after each failed attempt, capped. The delay returns to the initial
 * one once a session has streamed for {@link #STABLE_NANOS}. Failures that retrying cannot cure (wrong credentials,
 * decoder not installed) end in {@link CameraState#FAILED} until the configuration changes.
 *
 * <p>A state machine without threads or clock of its own: its owner calls {@link #step(long)} with the current time,
 * so tests drive it through virtual time. Not thread-safe: one thread steps it.
 */
public final class Supervisor {

    /** A session must stream this long before the back-off starts again from the initial delay. */
    public static final long STABLE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How often a running session is checked, at most; bounds stall-detection latency. */
    public static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Hears of every state change, on the stepping thread. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param previous the state left ({@code null} at the first start)
         * @param state    the state entered
         * @param reason   why ("" when streaming or starting)
         */
        void changed(CameraState previous, CameraState state, String reason);
    }

    private final Launcher launcher;
    private final Listener listener;
    private final long stallNanos;
    private final long startupNanos;
    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private volatile CameraState state;
    private volatile String reason = "";
    private Session session;
    private long startedAt;
    private long streamingSince;
    private long retryAt;
    private int failures;

    /**
     * @param launcher            starts sessions
     * @param listener            hears of state changes
     * @param stallNanos          no frame for this long while streaming means STALLED, &gt; 0
     * @param startupNanos        how long a new session may take to deliver its first frame, &gt; 0
     * @param initialBackoffNanos first retry delay, &gt; 0
     * @param maxBackoffNanos     longest retry delay, &ge; initial
     */
    public Supervisor(Launcher launcher, Listener listener, long stallNanos, long startupNanos,
            long initialBackoffNanos, long maxBackoffNanos) {
        this.launcher = launcher;
        this.listener = listener;
        this.stallNanos = stallNanos;
        this.startupNanos = startupNanos;
        this.initialBackoffNanos = initialBackoffNanos;
        this.maxBackoffNanos = Math.max(maxBackoffNanos, initialBackoffNanos);
    }

    /**
     * Advances the state machine to {@code now}.
     *
     * @param now current time, nanoseconds, monotonic
     * @return how long until the next step is useful, nanoseconds ({@link Long#MAX_VALUE} in FAILED/STOPPED)
     */
    public long step(long now) {
        if (state == null || state == CameraState.RETRYING && now - retryAt >= 0) {
            launch(now);
        }
        if (state == CameraState.STARTING || state == CameraState.STREAMING) {
            watch(now);
        }
        return switch (state) {
            case RETRYING -> Math.max(0, retryAt - now);
            case FAILED, STOPPED -> Long.MAX_VALUE;
            default -> POLL_NANOS;
        };
    }

    /** Ends the running session, if any, and enters STOPPED. */
    public void stop() {
        closeSession();
        enter(CameraState.STOPPED, "stopped");
    }

    /** @return the current state, {@code null} before the first step */
    public CameraState state() {
        return state;
    }

    /** @return why the source is not streaming ("" while starting or streaming) */
    public String reason() {
        return reason;
    }

    /** @return failed attempts since the last stable stream */
    public int failures() {
        return failures;
    }

    /** @return the delay before the next attempt after {@code failures} consecutive failures, nanoseconds */
    long backoffNanos(int failuresSoFar) {
        long delay = initialBackoffNanos;
        for (int i = 1; i < failuresSoFar && delay < maxBackoffNanos; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxBackoffNanos);
    }

    private void launch(long now) {
        try {
            session = launcher.launch();
        } catch (Launcher.LaunchException e) {
            fail(new Diagnosis(e.getMessage(), e.fatal()), now);
            return;
        }
        startedAt = now;
        enter(CameraState.STARTING, "");
    }

    private void watch(long now) {
        long frames = session.frames();
        if (frames > 0 && state == CameraState.STARTING) {
            streamingSince = now;
            enter(CameraState.STREAMING, "");
        }
        if (state == CameraState.STREAMING && failures > 0 && now - streamingSince >= STABLE_NANOS) {
            failures = 0;
        }
        if (session.ended()) {
            Diagnosis why = session.diagnosis();
            closeSession();
            fail(why, now);
            return;
        }
        long quietNanos = frames > 0 ? now - Math.max(session.lastFrameNanos(), streamingSince) : now - startedAt;
        long limit = frames > 0 ? stallNanos : startupNanos;
        if (quietNanos >= limit) {
            String why = (frames > 0 ? "no frame for " : "no first frame within ")
                    + TimeUnit.NANOSECONDS.toMillis(limit) + " ms";
            enter(CameraState.STALLED, why);
            closeSession(); // ends a hung decoder; may take up to a second or two
            fail(new Diagnosis("stalled: " + why, false), now);
        }
    }

    private void fail(Diagnosis why, long now) {
        if (why.fatal()) {
            enter(CameraState.FAILED, why.reason());
            return;
        }
        failures++;
        long delay = backoffNanos(failures);
        retryAt = now + delay;
        enter(CameraState.RETRYING, why.reason() + "; retry " + failures + " in " + seconds(delay));
    }

    private void enter(CameraState next, String why) {
        CameraState previous = state;
        if (previous == next && reason.equals(why)) {
            return;
        }
        state = next;
        reason = why;
        listener.changed(previous, next, why);
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s)) + " s";
    }
}
