package org.bakusoku.camera.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bakusoku.camera.stream.Diagnosis;
import org.bakusoku.frame.CameraState;
import org.junit.jupiter.api.Test;

/** The supervision state machine in virtual time: no threads, no processes, no sleeps. */
class SupervisorTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long S = TimeUnit.SECONDS.toNanos(1);

    /** A session the test drives by hand. */
    static final class FakeSession implements Session {
        long frames;
        long lastFrame;
        boolean ended;
        boolean closed;
        Diagnosis diagnosis = new Diagnosis("ffmpeg ended", false);

        void frameAt(long nanos) {
            frames++;
            lastFrame = nanos;
        }

        @Override
        public long frames() {
            return frames;
        }

        @Override
        public long lastFrameNanos() {
            return lastFrame;
        }

        @Override
        public boolean ended() {
            return ended;
        }

        @Override
        public Diagnosis diagnosis() {
            return diagnosis;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<FakeSession> sessions = new ArrayList<>();
    private final List<String> transitions = new ArrayList<>();
    private Launcher.LaunchException launchFailure;

    private final Supervisor supervisor = new Supervisor(() -> {
        if (launchFailure != null) {
            throw launchFailure;
        }
        FakeSession s = new FakeSession();
        sessions.add(s);
        return s;
    }, (previous, state, reason) -> transitions.add(state + (reason.isEmpty() ? "" : ": " + reason)),
            5 * S, 10 * S, 1 * S, 30 * S);

    private FakeSession last() {
        return sessions.get(sessions.size() - 1);
    }

    @Test
    void startsStreamsAndRestartsAfterTheDecoderDiesWithBackoffThatResetsOnceStable() {
        supervisor.step(0);
        assertThat(supervisor.state()).isEqualTo(CameraState.STARTING);
        last().frameAt(300 * MS);
        supervisor.step(300 * MS);
        assertThat(supervisor.state()).isEqualTo(CameraState.STREAMING);

        last().ended = true;
        last().diagnosis = new Diagnosis("connection refused", false);
        long wait = supervisor.step(400 * MS);
        assertThat(sessions.get(0).closed).isTrue();
        assertThat(wait).as("first retry after 1 s").isEqualTo(1 * S);
        assertThat(supervisor.reason()).isEqualTo("connection refused; retry 1 in 1 s");

        supervisor.step(1399 * MS);
        assertThat(sessions).as("not before the back-off ends").hasSize(1);
        supervisor.step(1400 * MS);
        assertThat(sessions).hasSize(2);
        last().frameAt(1500 * MS);
        supervisor.step(1500 * MS);
        assertThat(supervisor.state()).isEqualTo(CameraState.STREAMING);
        assertThat(supervisor.failures()).as("not stable yet").isEqualTo(1);

        for (long t = 1500 * MS; t <= 11_600 * MS; t += 100 * MS) { // frames for over 10 s
            last().frameAt(t);
            supervisor.step(t);
        }
        assertThat(supervisor.failures()).as("reset after 10 s of streaming").isZero();
        assertThat(transitions).containsExactly("STARTING", "STREAMING", "RETRYING: connection refused; retry 1 in 1 s",
                "STARTING", "STREAMING");
    }

    @Test
    void delaysDoubleUpToTheCap() {
        long now = 0;
        List<Long> delays = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            supervisor.step(now);
            last().ended = true;
            long wait = supervisor.step(now);
            delays.add(TimeUnit.NANOSECONDS.toMillis(wait));
            now += wait;
        }
        assertThat(delays).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L);
        assertThat(supervisor.reason()).isEqualTo("ffmpeg ended; retry 8 in 30 s");
        assertThat(sessions).allMatch(s -> s.closed);
    }

    @Test
    void aStreamWithoutFramesIsStalledKilledAndRestarted() {
        supervisor.step(0);
        last().frameAt(100 * MS);
        supervisor.step(100 * MS);
        supervisor.step(5_099 * MS);
        assertThat(supervisor.state()).isEqualTo(CameraState.STREAMING);

        supervisor.step(5_100 * MS);
        assertThat(sessions.get(0).closed).as("the hung decoder is ended").isTrue();
        assertThat(transitions).containsExactly("STARTING", "STREAMING", "STALLED: no frame for 5000 ms",
                "RETRYING: stalled: no frame for 5000 ms; retry 1 in 1 s");
    }

    @Test
    void aNewSessionGetsTheStartupTimeForItsFirstFrame() {
        supervisor.step(0);
        supervisor.step(9_999 * MS);
        assertThat(supervisor.state()).isEqualTo(CameraState.STARTING);
        supervisor.step(10_000 * MS);
        assertThat(transitions).contains("STALLED: no first frame within 10000 ms");
        assertThat(supervisor.state()).isEqualTo(CameraState.RETRYING);
    }

    @Test
    void wrongCredentialsFailForGoodAndAreNotRetried() {
        supervisor.step(0);
        last().ended = true;
        last().diagnosis = new Diagnosis("unauthorized: the camera refused the user name or password", true);
        assertThat(supervisor.step(50 * MS)).isEqualTo(Long.MAX_VALUE);
        supervisor.step(3_600 * S);
        assertThat(sessions).hasSize(1);
        assertThat(supervisor.state()).isEqualTo(CameraState.FAILED);
        assertThat(supervisor.reason()).startsWith("unauthorized");
    }

    @Test
    void aMissingDecoderFailsAtLaunch() {
        launchFailure = new Launcher.LaunchException("ffmpeg not found: install it (apt-get install ffmpeg)", true);
        supervisor.step(0);
        assertThat(transitions).containsExactly("FAILED: ffmpeg not found: install it (apt-get install ffmpeg)");
    }

    @Test
    void stopClosesTheSession() {
        supervisor.step(0);
        supervisor.stop();
        assertThat(last().closed).isTrue();
        assertThat(supervisor.state()).isEqualTo(CameraState.STOPPED);
    }
}
