package org.bakusoku.camera.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.bakusoku.camera.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderSequenceTest {

    /** The shared photos in file-name order with their sizes, as reported by ffprobe (width, height). */
    private static final List<String> NAMES_AND_SIZES = List.of(
            "darknet_dog.jpg 768x576", "darknet_dog_lowlight.jpg 768x576", "darknet_eagle.jpg 773x512",
            "darknet_horses.jpg 773x512", "darknet_kite.jpg 1352x900", "opencv_licenseplate_motion.jpg 600x482",
            "opencv_messi5.jpg 548x342", "opencv_starry_night.jpg 752x600", "skimage_astronaut.png 512x512",
            "skimage_chelsea.png 451x300", "skimage_coffee.png 600x400", "skimage_motorcycle_left.png 741x500");

    @Test
    void sharedFolderYieldsEveryPhotoInNameOrderWithItsTrueSize() throws IOException {
        List<String> seen = new ArrayList<>();
        try (ImageFolderSequence sequence = ImageFolderSequence.open(SharedData.images())) {
            List<Path> files = sequence.files();
            for (RgbImage image = sequence.next(); image != null; image = sequence.next()) {
                seen.add(files.get(seen.size()).getFileName() + " " + image.width() + "x" + image.height());
            }
        }
        assertThat(seen).isEqualTo(NAMES_AND_SIZES);
    }

    @Test
    void jpegAndPngPixelsComeOutInRgbOrder() throws IOException {
        for (String name : List.of("opencv_messi5.jpg", "skimage_astronaut.png")) {
            Path file = SharedData.images().resolve(name);
            BufferedImage reference = ImageIO.read(file.toFile());
            RgbImage image;
            try (ImageFolderSequence sequence = ImageFolderSequence.open(file)) {
                image = sequence.next();
            }
            assertThat(image.width()).isEqualTo(reference.getWidth());
            assertThat(image.height()).isEqualTo(reference.getHeight());
            for (int y = 0; y < image.height(); y += 7) {
                for (int x = 0; x < image.width(); x += 5) {
                    assertThat(image.rgbAt(x, y)).as("%s pixel %d,%d", name, x, y)
                            .isEqualTo(reference.getRGB(x, y) & 0xFFFFFF);
                }
            }
        }
        // The messi photo has a green pitch: a swapped R/B would move green into the wrong byte, not this.
        try (ImageFolderSequence sequence = ImageFolderSequence.open(SharedData.images().resolve("opencv_messi5.jpg"))) {
            RgbImage image = sequence.next();
            int pixel = image.rgbAt(50, 300);
            assertThat(pixel >> 8 & 0xFF).as("green").isGreaterThan(pixel >> 16 & 0xFF).isGreaterThan(pixel & 0xFF);
        }
    }

    @Test
    void singleImageRepeatsAfterRewindAndIsDecodedOnce() throws IOException {
        try (ImageFolderSequence sequence = ImageFolderSequence.open(SharedData.images().resolve("opencv_messi5.jpg"))) {
            RgbImage first = sequence.next();
            assertThat(sequence.next()).isNull();
            sequence.rewind();
            assertThat(sequence.next()).as("unchanged file: same immutable image").isSameAs(first);
        }
    }

    @Test
    void undecodableImageIsSkippedAndNewImagesJoinTheNextPass(@TempDir Path dir) throws IOException {
        Files.copy(SharedData.images().resolve("skimage_chelsea.png"), dir.resolve("b.png"));
        Files.writeString(dir.resolve("a.jpg"), "not a JPEG");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        try (ImageFolderSequence sequence = ImageFolderSequence.open(dir)) {
            assertThat(sequence.files()).extracting(p -> p.getFileName().toString()).containsExactly("a.jpg", "b.png");
            assertThat(sequence.next().width()).isEqualTo(451);
            assertThat(sequence.next()).isNull();

            Files.copy(SharedData.images().resolve("opencv_messi5.jpg"), dir.resolve("c.JPEG"));
            sequence.rewind();
            assertThat(sequence.next().width()).isEqualTo(451);
            assertThat(sequence.next().width()).isEqualTo(548);
        }
    }

    @Test
    void folderWithoutImagesIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "no images here");
        assertThatThrownBy(() -> ImageFolderSequence.open(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("no *.jpg");
    }

    @Test
    void opensTheRightReaderForEachPath(@TempDir Path dir) throws IOException {
        try (ImageSequence video = ImageSequences.open(SharedData.mjpegVideo());
                ImageSequence folder = ImageSequences.open(SharedData.images())) {
            assertThat(video).isInstanceOf(AviMjpegReader.class);
            assertThat(folder).isInstanceOf(ImageFolderSequence.class);
        }
        assertThatThrownBy(() -> ImageSequences.open(dir.resolve("missing.avi")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining("missing.avi");
        Path text = Files.writeString(dir.resolve("clip.mp4"), "x");
        assertThatThrownBy(() -> ImageSequences.open(text)).hasMessageContaining("unsupported file type");
    }
}
