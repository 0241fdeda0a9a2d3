package org.bakusoku.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bakusoku.camera.file.ImageSequence;
import org.bakusoku.camera.file.ImageSequences;
import org.bakusoku.camera.file.RgbImage;

/**
 * The bench input, decoded once into memory with the camera's own readers, so that decoding JPEGs costs nothing
 * during the measurements.
 *
 * @param images      the decoded images, 1..{@value #MAX_FRAMES}
 * @param description what was read, e.g. {@code "AVI MJPEG 768x576, 80 frames"}
 */
public record InputFrames(List<RgbImage> images, String description) {

    /** Frames kept: enough variety for the post-processing, little memory (30 VGA frames are 28 MB). */
    public static final int MAX_FRAMES = 30;

    /** Copies the list. */
    public InputFrames {
        images = List.copyOf(images);
    }

    /**
     * @param path an MJPEG {@code .avi}, an image, or a folder of images
     * @return the first {@value #MAX_FRAMES} decodable images
     * @throws IOException if the input cannot be opened or holds no decodable image
     */
    public static InputFrames read(Path path) throws IOException {
        List<RgbImage> images = new ArrayList<>();
        String description;
        try (ImageSequence sequence = ImageSequences.open(path)) {
            description = sequence.describe();
            RgbImage image;
            while (images.size() < MAX_FRAMES && (image = sequence.next()) != null) {
                images.add(image);
            }
        }
        if (images.isEmpty()) {
            throw new IOException(path + " holds no decodable image");
        }
        return new InputFrames(images, description);
    }

    /** @return the first image's size, e.g. {@code "768x576"} */
    public String size() {
        return images.get(0).width() + "x" + images.get(0).height();
    }
}
