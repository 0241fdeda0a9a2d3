package org.bakusoku.camera.file;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens the right {@link ImageSequence} for a path: an MJPEG {@code .avi} video, a folder of images, or
 * one image file.
 */
public final class ImageSequences {

    private ImageSequences() {
    }

    /**
     * @param path a {@code .avi} file, a {@code .jpg}/{@code .jpeg}/{@code .png} file or a folder of them
     * @return the opened sequence, positioned at its first image
     * @throws NoSuchFileException   if nothing exists at {@code path}
     * @throws AccessDeniedException if the file cannot be read
     * @throws IOException           if the file type is not supported or the content cannot be parsed
     */
    public static ImageSequence open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return ImageFolderSequence.open(path);
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        }
        if (!Files.isReadable(path)) {
            throw new AccessDeniedException(path.toString(), null, "not readable by this process");
        }
        String name = path.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".avi")) {
            return AviMjpegReader.open(path);
        }
        if (ImageFolderSequence.isImageName(name)) {
            return ImageFolderSequence.open(path);
        }
        throw new IOException(path + ": unsupported file type; expected an MJPEG .avi, a .jpg/.jpeg/.png image"
                + " or a folder of images");
    }
}
