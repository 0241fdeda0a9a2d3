package org.bakusoku.detect.tflite;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import javax.imageio.ImageIO;

import org.bakusoku.frame.Frame;

/** The shared read-only models and photos, found through the {@code bakusoku.shared} system property. */
public final class SharedData {

    private SharedData() {
    }

    /** @return the shared folder: {@code -Dbakusoku.shared}, else {@code ../shared} beside the repository */
    public static Path root() {
        String configured = System.getProperty("bakusoku.shared");
        // Surefire runs in the module folder, two levels below the repository root.
        return configured != null ? Paths.get(configured) : Paths.get("../../../shared");
    }

    /**
     * @param name model folder name, e.g. {@code ssd_mobilenet_v1_coco_quant}
     * @return its {@code model.tflite}
     */
    public static Path model(String name) {
        return root().resolve("models").resolve(name).resolve("model.tflite");
    }

    /**
     * Decodes a shared photo into an RGB frame (greyscale and palette images are expanded by getRGB).
     *
     * @param fileName file in {@code data/images}
     * @return the frame, sequence 1
     * @throws IOException if the image cannot be read
     */
    public static Frame frame(String fileName) throws IOException {
        return frame(ImageIO.read(root().resolve("data/images").resolve(fileName).toFile()));
    }

    /**
     * @param image a decoded image
     * @return its pixels as an RGB frame, sequence 1
     */
    public static Frame frame(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            rgb[3 * i] = (byte) (argb[i] >> 16);
            rgb[3 * i + 1] = (byte) (argb[i] >> 8);
            rgb[3 * i + 2] = (byte) argb[i];
        }
        return new Frame(1, System.currentTimeMillis(), System.nanoTime(), w, h, rgb);
    }
}
