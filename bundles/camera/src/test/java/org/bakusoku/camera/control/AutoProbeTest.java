package org.bakusoku.camera.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** auto on a fake sysfs tree and with a fake rpicam-vid on the search path. */
class AutoProbeTest {

    @TempDir
    Path root;

    private void node(int n, String deviceLink, int index) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sys/class/video4linux/video" + n));
        Files.writeString(dir.resolve("index"), index + "\n");
        Files.createSymbolicLink(dir.resolve("device"), Path.of(deviceLink));
    }

    private Path fakeRpicamVid(String listing) throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path script = bin.resolve("rpicam-vid");
        Files.writeString(script, "#!/bin/sh\nprintf '" + listing + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private SourceSettings auto() {
        return SourceSettingsTest.settings(SourceKind.AUTO, "../shared/data/video/sample.avi", "", "", 0, 0, 0);
    }

    @Test
    void picksTheFirstUsbCaptureNodeAndSkipsThePisOwnNodes() throws IOException {
        node(0, "../../../devices/platform/soc/fe801000.csi", 0);           // unicam (CSI receiver)
        node(10, "../../../devices/platform/soc/bcm2835-codec", 0);         // codec
        node(4, "../../../devices/platform/scb/fd500000.pcie/usb1/1-1/1-1.3/1-1.3:1.0", 1); // UVC metadata node
        node(3, "../../../devices/platform/scb/fd500000.pcie/usb1/1-1/1-1.3/1-1.3:1.0", 0);
        SourceSettings picked = new AutoProbe(new ProgramLocator(""), root, 1_000).resolve(auto());
        assertThat(picked.kind()).isEqualTo(SourceKind.V4L2);
        assertThat(picked.url()).isEqualTo("/dev/video3");
    }

    @Test
    void prefersACsiCameraListedByRpicamVid() throws IOException {
        node(3, "../../../devices/usb1/1-1/1-1:1.0", 0);
        Path bin = fakeRpicamVid("Available cameras\\n-----------------\\n0 : imx708 [4608x2592 10-bit RGGB] "
                + "(/base/soc/i2c0mux/i2c@1/imx708@1a)\\n");
        SourceSettings picked = new AutoProbe(new ProgramLocator(bin.toString()), root, 5_000).resolve(auto());
        assertThat(picked.kind()).isEqualTo(SourceKind.CSI);
        assertThat(picked.url()).isEmpty();
    }

    @Test
    void fallsBackToTheSampleFileWithoutCameras() throws IOException {
        node(0, "../../../devices/platform/soc/fe801000.csi", 0);
        Path bin = fakeRpicamVid("No cameras available!\\n");
        SourceSettings picked = new AutoProbe(new ProgramLocator(bin.toString()), root, 5_000).resolve(auto());
        assertThat(picked.kind()).isEqualTo(SourceKind.FILE);
        assertThat(picked.url()).isEqualTo("../shared/data/video/sample.avi");
    }
}
