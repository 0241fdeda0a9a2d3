package org.bakusoku.camera.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bakusoku.camera.SharedData;
import org.bakusoku.camera.file.AviMjpegReader;
import org.bakusoku.frame.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the real capture thread with a {@link ManualClock}: time moves only when the test steps it, and each
 * step waits until the thread sleeps again, so what has been published is exact.
 */
class FileFrameSourceTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final ManualClock clock = new ManualClock();
    private final FileFrameSource source = new FileFrameSource(clock, RETRY);

    @AfterEach
    void stop() {
        source.stop();
    }

    @Test
    void slowConsumerReceivesTheNewestFrameAndSkipsTheOnesInBetween() throws Exception {
        source.apply(CameraSettings.of(SharedData.mjpegVideo().toString(), 0, true));
        clock.awaitSleeps(1);
        Frame first = source.latest();
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(clock.lastSleepNanos()).as("fps 0 = the AVI header's 10 fps").isEqualTo(SECOND / 10);

        for (int i = 0; i < 3; i++) { // the consumer is busy for three frame intervals
            clock.step(SECOND / 10);
        }
        Frame got = source.awaitNewer(first.sequence(), 0);

        assertThat(got.sequence()).isEqualTo(4);
        assertThat(got.rgb()).as("the pixels of the video's 4th frame").isEqualTo(videoFrames(4).get(3));
        assertThat(source.awaitNewer(got.sequence(), 0)).isNull();
        assertThat(source.state()).isEqualTo(CaptureState.RUNNING);
        assertThat(source.description()).isEqualTo("file " + SharedData.mjpegVideo() + " @ 10 fps, loop");
    }

    @Test
    void sequenceKeepsRisingAcrossLoopsAtTheConfiguredRate(@TempDir Path dir) throws Exception {
        Files.copy(SharedData.images().resolve("opencv_messi5.jpg"), dir.resolve("1.jpg"));
        Files.copy(SharedData.images().resolve("skimage_chelsea.png"), dir.resolve("2.png"));
        source.apply(CameraSettings.of(dir.toString(), 25, true));
        clock.awaitSleeps(1);
        assertThat(clock.lastSleepNanos()).isEqualTo(SECOND / 25);

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Frame frame = source.latest();
            seen.add(frame.sequence() + ":" + frame.width());
            clock.step(SECOND / 25);
        }
        assertThat(seen).containsExactly("1:548", "2:451", "3:548", "4:451", "5:548");
    }

    @Test
    void withoutLoopTheSourceEndsAfterTheLastImage(@TempDir Path dir) throws Exception {
        Files.copy(SharedData.images().resolve("opencv_messi5.jpg"), dir.resolve("1.jpg"));
        Files.copy(SharedData.images().resolve("skimage_chelsea.png"), dir.resolve("2.png"));
        source.apply(CameraSettings.of(dir.toString(), 10, false));
        clock.awaitSleeps(1);
        clock.advance(SECOND / 10);

        Frame last = source.awaitNewer(1, 60_000);
        assertThat(last.sequence()).isEqualTo(2);
        source.stop(); // joins the thread, which has ended on its own
        assertThat(source.latest()).isSameAs(last);
        assertThat(clock.sleeps()).as("no pacing after the last image").isEqualTo(1);
    }

    @Test
    void stoppedSourceTimesOutWithNullAndItsThreadIsGone() throws Exception {
        source.apply(CameraSettings.of(SharedData.mjpegVideo().toString(), 0, true));
        clock.awaitSleeps(1);
        source.stop();

        assertThat(source.state()).isEqualTo(CaptureState.STOPPED);
        assertThat(captureThreads()).isEmpty();
        clock.advance(10 * SECOND);
        assertThat(source.awaitNewer(source.latest().sequence(), 20)).isNull();
        assertThat(source.description()).endsWith("[stopped]");
    }

    @Test
    void missingPathGivesNoFrameAndIsPickedUpOnceTheFileAppears(@TempDir Path dir) throws Exception {
        Path later = dir.resolve("later.jpg");
        source.apply(CameraSettings.of(later.toString(), 0, true));
        clock.awaitSleeps(1);

        assertThat(clock.lastSleepNanos()).isEqualTo(RETRY.toNanos());
        assertThat(source.state()).isEqualTo(CaptureState.WAITING);
        assertThat(source.latest()).isNull();
        assertThat(source.awaitNewer(0, 0)).isNull();
        assertThat(source.description()).contains(later.toString()).contains("[waiting: no such file or folder]");

        Files.copy(SharedData.images().resolve("opencv_messi5.jpg"), later);
        clock.step(RETRY.toNanos());
        assertThat(source.latest().sequence()).isEqualTo(1);
        assertThat(source.state()).isEqualTo(CaptureState.RUNNING);
    }

    @Test
    void newSettingsThatCannotBeOpenedLeaveTheRunningSourceAlone(@TempDir Path dir) throws Exception {
        CameraSettings video = CameraSettings.of(SharedData.mjpegVideo().toString(), 10, true);
        source.apply(video);
        clock.awaitSleeps(1);

        assertThat(source.apply(CameraSettings.of(dir.resolve("missing.avi").toString(), 10, true))).isFalse();
        clock.step(SECOND / 10);
        assertThat(source.latest().sequence()).isEqualTo(2);
        assertThat(source.description()).contains("vtest_pedestrians_8s_mjpeg.avi");

        assertThat(source.apply(CameraSettings.of(SharedData.images().resolve("opencv_messi5.jpg").toString(), 10,
                true))).isTrue();
        Frame switched = source.awaitNewer(2, 60_000);
        assertThat(switched.sequence()).as("sequence continues across re-configuration").isEqualTo(3);
        assertThat(switched.width()).isEqualTo(548);
        assertThat(captureThreads()).hasSize(1);
    }

    private static List<Thread> captureThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(FileFrameSource.THREAD_NAME) && t.isAlive()).toList();
    }

    private static List<byte[]> videoFrames(int count) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        try (AviMjpegReader reader = AviMjpegReader.open(SharedData.mjpegVideo())) {
            for (int i = 0; i < count; i++) {
                frames.add(reader.next().rgb());
            }
        }
        return frames;
    }
}
