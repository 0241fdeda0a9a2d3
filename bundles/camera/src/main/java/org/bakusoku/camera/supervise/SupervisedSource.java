package org.bakusoku.camera.supervise;

import org.bakusoku.camera.capture.PacingClock;
import org.bakusoku.frame.CameraState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Supervisor} on its own daemon thread, named {@value #THREAD_NAME}, stepping it every
 * {@link Supervisor#POLL_NANOS} at most; {@link #stop()} interrupts and joins the thread, which ends the running
 * session. Thread-safe.
 */
public final class SupervisedSource {

    /** Name of the supervising thread. */
    public static final String THREAD_NAME = "bakusoku-camera-supervisor";

    private static final Logger LOG = LoggerFactory.getLogger(SupervisedSource.class);
    private static final long JOIN_MS = 10_000;

    private final Supervisor supervisor;
    private final PacingClock clock;
    private Thread thread;

    /**
     * @param supervisor the state machine to run
     * @param clock      time and sleeping
     */
    public SupervisedSource(Supervisor supervisor, PacingClock clock) {
        this.supervisor = supervisor;
        this.clock = clock;
    }

    /** Starts the supervising thread; the first session starts right away. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread and the running session; the supervisor ends in STOPPED. */
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(JOIN_MS);
            if (thread.isAlive()) {
                LOG.warn("camera: supervisor thread did not stop within {} ms", JOIN_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long wait = supervisor.step(clock.nanoTime());
                clock.sleepNanos(Math.max(1, Math.min(wait, Supervisor.POLL_NANOS)));
            }
        } catch (InterruptedException e) {
            // stop() asked us to end
        } catch (RuntimeException e) {
            LOG.error("camera: supervisor failed", e);
        } finally {
            if (supervisor.state() != CameraState.STOPPED) {
                Thread.interrupted(); // let the session's close() wait for its process
                supervisor.stop();
            }
        }
    }
}
