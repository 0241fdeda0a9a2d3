package org.bakusoku.model.isolate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bakusoku.frame.Frame;

/**
 * Hands frames to the child validator as binary PPM files (P6, maxval 255: a short ASCII header, then the RGB
 * bytes exactly as {@link Frame#rgb()} holds them), the simplest image format both sides can read without a codec.
 */
public final class FrameFiles {

    /** Size of the synthetic frame used when no camera frame is available, pixels. */
    static final int SYNTHETIC_SIDE = 320;

    private FrameFiles() {
    }

    /**
     * Writes frames into a folder; a synthetic frame (a smooth colour ramp) stands in when there are none, so that a
     * model is always run at least once.
     *
     * @param frames recent camera frames, possibly empty
     * @param dir    an existing folder
     * @return the written files, one per frame, at least one
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(List<Frame> frames, Path dir) throws IOException {
        List<Frame> list = frames.isEmpty() ? List.of(synthetic()) : frames;
        List<Path> files = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Frame frame = list.get(i);
            Path file = dir.resolve("frame-" + (i + 1) + ".ppm");
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(("P6\n" + frame.width() + " " + frame.height() + "\n255\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(frame.rgb());
            }
            files.add(file);
        }
        return files;
    }

    /** @return a colour ramp frame, the same every time */
    static Frame synthetic() {
        int side = SYNTHETIC_SIDE;
        byte[] rgb = new byte[side * side * 3];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int i = (y * side + x) * 3;
                rgb[i] = (byte) (x * 255 / side);
                rgb[i + 1] = (byte) (y * 255 / side);
                rgb[i + 2] = (byte) 128;
            }
        }
        return new Frame(1, 0, 0, side, side, rgb);
    }
}
