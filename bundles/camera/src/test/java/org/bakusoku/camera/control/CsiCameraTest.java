package org.bakusoku.camera.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bakusoku.camera.testing.StatusRecorder.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.bakusoku.camera.capture.LatestFrameSlot;
import org.bakusoku.camera.capture.PacingClock;
import org.bakusoku.camera.file.RgbImage;
import org.bakusoku.camera.testing.Processes;
import org.bakusoku.camera.testing.StatusRecorder;
import org.bakusoku.frame.CameraState;
import org.bakusoku.frame.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camera-module path with a fake {@code rpicam-vid} first on the search path: a shell script that records its
 * arguments and writes raw I420 frames whose top half is red and bottom half blue (BT.601 limited range, the colour
 * space libcamera uses below 1280x720).
 */
class CsiCameraTest {

    /** Y, U, V of red (81, 90, 240) and blue (41, 240, 110), as octal escapes for tr. */
    private static final String FAKE = """
            #!/bin/bash
            printf "%s\\n" "$*" > "$(dirname "$0")/args.txt"
            while [ $# -gt 0 ]; do
              case "$1" in --width) w=$2; shift;; --height) h=$2; shift;; esac; shift
            done
            half_y=$((w * h / 2)); quarter_c=$((w * h / 8))
            fill() { head -c "$1" /dev/zero | tr '\\0' "$2"; }
            while true; do
              { fill $half_y '\\121'; fill $half_y '\\051'; fill $quarter_c '\\132'; fill $quarter_c '\\360';
                fill $quarter_c '\\360'; fill $quarter_c '\\156'; } || exit 0
              sleep 0.05
            done
            """;

    @TempDir
    Path bin;

    private final LatestFrameSlot slot = new LatestFrameSlot();
    private final StatusRecorder statuses = new StatusRecorder();
    private Camera camera;

    @AfterEach
    void close() {
        camera.close();
        assertThat(Processes.children(bin.toString())).as("no fake rpicam-vid left running").isEmpty();
    }

    @Test
    void framesFromRpicamVidHaveTheRequestedSizeAndTheRightColours() throws Exception {
        Path script = bin.resolve("rpicam-vid");
        Files.writeString(script, FAKE);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProgramLocator programs = new ProgramLocator(bin + ":" + System.getenv("PATH"));
        camera = new Camera(slot, programs, new AutoProbe(programs, bin, 1_000), PacingClock.SYSTEM,
                statuses::changed);

        camera.apply(new SourceSettings(SourceKind.CSI, "", "", "", 320, 240, 15, true, 0, 0, "mjpeg", 5_000,
                30_000));
        statuses.await(state(CameraState.STREAMING), 0, 30_000);
        Frame frame = slot.awaitNewer(slot.latest().sequence(), 10_000);

        assertThat(frame.width()).isEqualTo(320);
        assertThat(frame.height()).isEqualTo(240);
        RgbImage image = new RgbImage(frame.width(), frame.height(), frame.rgb());
        assertThat(image.rgbAt(0, 0)).as("top-left red").isEqualTo(0xFE0000);
        assertThat(image.rgbAt(319, 119)).as("last red row").isEqualTo(0xFE0000);
        assertThat(image.rgbAt(0, 120)).as("first blue row").isEqualTo(0x0000FF);
        assertThat(image.rgbAt(319, 239)).as("bottom-right blue").isEqualTo(0x0000FF);
        assertThat(Files.readString(bin.resolve("args.txt")).strip())
                .isEqualTo("-n -t 0 --codec yuv420 --width 320 --height 240 --framerate 15 -o -");
        assertThat(camera.status().source()).isEqualTo("csi");
    }
}
