package org.bakusoku.camera.supervise;

import org.bakusoku.camera.stream.Diagnosis;

/**
 * One running attempt of a source (a decoder process and its reader threads), watched by a {@link Supervisor}.
 * Thread-safe: the session's own threads update it, the supervisor reads it.
 */
public interface Session extends AutoCloseable {

    /** @return frames delivered so far by this session */
    long frames();

    /** @return when the last frame was delivered, on the supervisor's nanosecond clock; meaningless before one */
    long lastFrameNanos();

    /** @return true once the session has ended by itself (decoder exited, stream closed) */
    boolean ended();

    /** @return why the session ended; meaningful once {@link #ended()} */
    Diagnosis diagnosis();

    /** Stops the session: ends its process, waits for its threads. Idempotent; never throws. */
    @Override
    void close();
}
