package org.bakusoku.camera.file;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code *.jpg}, {@code *.jpeg} and {@code *.png} images of a folder, in file-name order, or one image
 * file shown again and again.
 *
 * <p>The folder is listed again at every rewind, so images copied in later join the next pass. An image that
 * cannot be decoded is skipped with a log line. The last decoded image is kept while its file is unchanged
 * (same size and modification time), so a single image repeated at 10 fps is decoded once.
 */
public final class ImageFolderSequence implements ImageSequence {

    /** Frames per second an image folder is shown at unless configured otherwise. */
    public static final double DEFAULT_FPS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderSequence.class);

    private final Path location;
    private List<Path> files;
    private int index;
    private Decoded last;

    private record Decoded(Path file, long size, FileTime modified, RgbImage image) {
    }

    private ImageFolderSequence(Path location) throws IOException {
        this.location = location;
        rewind();
    }

    /**
     * @param location a folder of images, or one image file
     * @return a sequence positioned at the first image
     * @throws IOException if the location cannot be listed or holds no image
     */
    public static ImageFolderSequence open(Path location) throws IOException {
        return new ImageFolderSequence(location);
    }

    /**
     * @param fileName a file name
     * @return whether the name ends in {@code .jpg}, {@code .jpeg} or {@code .png}, ignoring case
     */
    public static boolean isImageName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
    }

    /** @return the image files of this pass, in the order they are shown */
    public List<Path> files() {
        return files;
    }

    @Override
    public RgbImage next() {
        while (index < files.size()) {
            Path file = files.get(index++);
            try {
                return decode(file);
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: skipping this image: {}", file, e.toString());
            }
        }
        return null;
    }

    @Override
    public void rewind() throws IOException {
        List<Path> listed;
        if (Files.isDirectory(location)) {
            try (Stream<Path> entries = Files.list(location)) {
                listed = entries.filter(p -> isImageName(p.getFileName().toString()) && Files.isRegularFile(p))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                        .toList();
            }
        } else {
            listed = List.of(location);
        }
        if (listed.isEmpty()) {
            throw new IOException(location + ": no *.jpg, *.jpeg or *.png image in this folder");
        }
        files = listed;
        index = 0;
    }

    @Override
    public double nativeFps() {
        return DEFAULT_FPS;
    }

    @Override
    public String describe() {
        return files.size() == 1 ? "image " + files.get(0).getFileName() : files.size() + " images";
    }

    @Override
    public void close() {
        last = null;
    }

    private RgbImage decode(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (last != null && last.file.equals(file) && last.size == attributes.size()
                && last.modified.equals(attributes.lastModifiedTime())) {
            return last.image;
        }
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("no javax.imageio reader understands its content");
        }
        last = new Decoded(file, attributes.size(), attributes.lastModifiedTime(), RgbDecoder.toRgb(image));
        return last.image;
    }
}
