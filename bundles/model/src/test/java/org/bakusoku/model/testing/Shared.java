package org.bakusoku.model.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import javax.imageio.ImageIO;

/** The shared read-only models and photos, found through the {@code bakusoku.shared} system property. */
public final class Shared {

    /** The default COCO SSD: 300x300 UINT8 input, 90 classes, 10 detections. */
    public static final String COCO = "ssd_mobilenet_v1_coco_quant";
    /** A one-class face SSD with FLOAT32 input. */
    public static final String FACE = "ssdlite_mobilenet_v2_face_float_input";
    /** An ImageNet classifier: one [1,1001] output. */
    public static final String CLASSIFIER = "mobilenet_v1_025_128_quant_imagenet";
    /** BlazeFace without post-process: raw per-anchor outputs. */
    public static final String RAW_SSD = "blazeface_short_range_raw";

    private Shared() {
    }

    /** @return {@code -Dbakusoku.shared}, else {@code ../shared} beside the repository (module folder two below) */
    public static Path root() {
        String configured = System.getProperty("bakusoku.shared");
        return configured != null ? Paths.get(configured) : Paths.get("../../../shared");
    }

    /** @return the {@code model.tflite} of a shared model folder */
    public static Path model(String name) {
        return root().resolve("models").resolve(name).resolve("model.tflite");
    }

    /** @return the {@code labels.txt} of a shared model folder */
    public static Path labels(String name) {
        return root().resolve("models").resolve(name).resolve("labels.txt");
    }

    /** @return the bytes of a shared model */
    public static byte[] modelBytes(String name) {
        return read(model(name));
    }

    /** @return the bytes of a shared model's labels */
    public static byte[] labelBytes(String name) {
        return read(labels(name));
    }

    /** @return a shared photo */
    public static Path image(String fileName) {
        return root().resolve("data/images").resolve(fileName);
    }

    /**
     * Writes a shared photo as a binary PPM (P6), the frame format of the child validator.
     *
     * @param fileName photo in {@code data/images}
     * @param dir      target folder
     * @return the PPM file
     */
    public static Path ppm(String fileName, Path dir) throws IOException {
        BufferedImage image = ImageIO.read(image(fileName).toFile());
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] header = ("P6\n" + w + " " + h + "\n255\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + w * h * 3];
        System.arraycopy(header, 0, out, 0, header.length);
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < argb.length; i++) {
            out[header.length + 3 * i] = (byte) (argb[i] >> 16);
            out[header.length + 3 * i + 1] = (byte) (argb[i] >> 8);
            out[header.length + 3 * i + 2] = (byte) argb[i];
        }
        Path file = dir.resolve(fileName.replaceAll("\\.[a-z]+$", "") + ".ppm");
        Files.write(file, out);
        return file;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
