package org.bakusoku.camera.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code source = auto}: a CSI camera if {@code rpicam-vid --list-cameras} lists one, else the first USB
 * webcam, else the configured sample file.
 *
 * <p>USB webcams are found in sysfs ({@code /sys/class/video4linux/videoN}): a node whose {@code device} link leads
 * through a USB device and whose {@code index} is 0 (UVC drivers add a second, metadata node with index 1). This
 * skips the Pi's own V4L2 nodes (ISP, codecs, the CSI receiver), which are platform devices and give no usable
 * picture to ffmpeg. Paths are read below a system root so tests can use a fake tree.
 */
public final class AutoProbe {

    private static final Logger LOG = LoggerFactory.getLogger(AutoProbe.class);
    /** A camera line of {@code rpicam-vid --list-cameras}, e.g. {@code "0 : imx708 [4608x2592 10-bit RGGB] (...)"}. */
    private static final Pattern CAMERA_LINE = Pattern.compile("(?m)^\\s*\\d+\\s*:\\s*\\S+");
    private static final Pattern VIDEO_NODE = Pattern.compile("video(\\d+)");

    private final ProgramLocator programs;
    private final Path sysroot;
    private final long timeoutMs;

    /**
     * @param programs  where to look for rpicam-vid
     * @param sysroot   root of sysfs, {@code /} on a real system
     * @param timeoutMs longest wait for {@code --list-cameras}, ms
     */
    public AutoProbe(ProgramLocator programs, Path sysroot, long timeoutMs) {
        this.programs = programs;
        this.sysroot = sysroot;
        this.timeoutMs = timeoutMs;
    }

    /**
     * @param auto validated settings with kind AUTO; their url is the sample file
     * @return the same settings with the kind and url of the source found
     */
    public SourceSettings resolve(SourceSettings auto) {
        if (csiCameraListed()) {
            try {
                return with(auto, SourceKind.CSI, "");
            } catch (IllegalArgumentException e) {
                LOG.warn("camera: auto found a CSI camera but cannot use it: {}", e.getMessage());
            }
        }
        Optional<String> usb = firstUsbCamera();
        if (usb.isPresent()) {
            return with(auto, SourceKind.V4L2, usb.get());
        }
        return with(auto, SourceKind.FILE, auto.url());
    }

    /** @return true if rpicam-vid (or libcamera-vid) is installed and lists at least one camera */
    boolean csiCameraListed() {
        Optional<Path> program = programs.find(DecoderCommands.CSI_PROGRAMS);
        if (program.isEmpty()) {
            return false;
        }
        Process process = null;
        try {
            process = new ProcessBuilder(program.get().toString(), "--list-cameras").redirectErrorStream(true).start();
            process.getOutputStream().close();
            // The listing is a few lines: it fits in the pipe, so waiting before reading cannot block the program.
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                LOG.warn("camera: {} --list-cameras did not answer within {} ms", program.get(), timeoutMs);
                return false;
            }
            try (InputStream in = process.getInputStream()) {
                return CAMERA_LINE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).find();
            }
        } catch (IOException e) {
            LOG.debug("camera: {} --list-cameras failed: {}", program.get(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    /** @return {@code /dev/videoN} of the lowest-numbered USB capture node, if any */
    Optional<String> firstUsbCamera() {
        Path classDir = sysroot.resolve("sys/class/video4linux");
        if (!Files.isDirectory(classDir)) {
            return Optional.empty();
        }
        List<Integer> found = new ArrayList<>();
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(classDir, "video*")) {
            for (Path node : nodes) {
                var m = VIDEO_NODE.matcher(node.getFileName().toString());
                if (m.matches() && isUsbCapture(node)) {
                    found.add(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            LOG.debug("camera: cannot list {}: {}", classDir, e.toString());
        }
        return found.stream().sorted().findFirst().map(n -> "/dev/video" + n);
    }

    private static boolean isUsbCapture(Path node) {
        try {
            Path index = node.resolve("index");
            if (Files.exists(index) && !Files.readString(index).strip().equals("0")) {
                return false;
            }
            Path device = node.resolve("device");
            String target = Files.isSymbolicLink(device) ? Files.readSymbolicLink(device).toString()
                    : device.toRealPath().toString();
            return target.contains("/usb");
        } catch (IOException e) {
            return false;
        }
    }

    private static SourceSettings with(SourceSettings s, SourceKind kind, String url) {
        return new SourceSettings(kind, url, s.username(), s.password(), s.width(), s.height(), s.fps(), s.loop(),
                s.detectWidth(), s.detectHeight(), s.v4l2Format(), s.stallMs(), s.retryMaxMs());
    }
}
