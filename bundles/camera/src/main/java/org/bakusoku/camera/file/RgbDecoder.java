package org.bakusoku.camera.file;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes JPEG data and converts {@link BufferedImage}s to interleaved RGB bytes, once per frame on the
 * capture thread.
 *
 * <p>Colour JPEGs are decoded by one reused {@code javax.imageio} JPEG reader straight into one reused
 * {@link BufferedImage#TYPE_3BYTE_BGR} image, so the only per-frame allocation is the fresh RGB array
 * that a published frame needs (frames are immutable). Not thread-safe: one capture thread owns it.
 */
public final class RgbDecoder implements Closeable {

    private final ImageReader jpegReader;
    private BufferedImage bgrScratch;

    /**
     * @throws IllegalStateException if the JRE has no JPEG reader (every OpenJDK has one)
     */
    public RgbDecoder() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("no javax.imageio JPEG reader in this JRE");
        }
        jpegReader = readers.next();
    }

    /**
     * Decodes one JPEG image (e.g. an MJPEG video frame).
     *
     * @param data   buffer holding the JPEG
     * @param offset first byte of the JPEG in {@code data}
     * @param length length of the JPEG, bytes
     * @return the image as RGB; the array is new and owned by the caller
     * @throws IOException if the data is not a decodable JPEG
     */
    public RgbImage decodeJpeg(byte[] data, int offset, int length) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data, offset, length))) {
            jpegReader.setInput(in, true, true);
            ImageReadParam param = jpegReader.getDefaultReadParam();
            if (decodesToBgr(jpegReader)) {
                param.setDestination(scratch(jpegReader.getWidth(0), jpegReader.getHeight(0)));
            }
            return toRgb(jpegReader.read(0, param));
        } catch (RuntimeException e) {
            // The JDK's JPEG reader throws unchecked exceptions on some corrupt streams.
            throw new IOException("corrupt JPEG: " + e, e);
        } finally {
            jpegReader.setInput(null);
        }
    }

    /**
     * Converts any decoded image to RGB. Greyscale (8 or 16 bit) is replicated into R, G and B as stored,
     * without the linear-grey colour conversion {@link BufferedImage#getRGB(int, int)} would apply; an alpha
     * channel is dropped (the colour is kept as stored, not composited); indexed and other layouts go through
     * {@code getRGB}, i.e. sRGB.
     *
     * @param image a decoded image
     * @return the image as RGB; the array is new and owned by the caller
     */
    public static RgbImage toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] rgb = new byte[w * h * 3];
        Raster raster = image.getRaster();
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && isWholeRaster(raster)) {
            byte[] bgr = ((DataBufferByte) raster.getDataBuffer()).getData();
            for (int i = 0; i < rgb.length; i += 3) {
                rgb[i] = bgr[i + 2];
                rgb[i + 1] = bgr[i + 1];
                rgb[i + 2] = bgr[i];
            }
        } else if (isGrey(image.getColorModel())) {
            copyGrey(raster, image.getColorModel().getComponentSize(0), rgb);
        } else {
            int[] row = new int[w];
            for (int y = 0, o = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int argb : row) {
                    rgb[o++] = (byte) (argb >> 16);
                    rgb[o++] = (byte) (argb >> 8);
                    rgb[o++] = (byte) argb;
                }
            }
        }
        return new RgbImage(w, h, rgb);
    }

    @Override
    public void close() {
        jpegReader.dispose();
    }

    /** The reader can write into a 3-byte BGR image only when it offers that type (colour, not grey/CMYK). */
    private static boolean decodesToBgr(ImageReader reader) throws IOException {
        for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext();) {
            if (types.next().getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR) {
                return true;
            }
        }
        return false;
    }

    private BufferedImage scratch(int width, int height) {
        if (bgrScratch == null || bgrScratch.getWidth() != width || bgrScratch.getHeight() != height) {
            bgrScratch = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        }
        return bgrScratch;
    }

    /** True when the raster's byte array holds exactly this image's pixels, tightly packed (not a sub-image). */
    private static boolean isWholeRaster(Raster raster) {
        return raster.getParent() == null
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && ((DataBufferByte) raster.getDataBuffer()).getData().length
                        == raster.getWidth() * raster.getHeight() * 3;
    }

    private static boolean isGrey(ColorModel model) {
        // Index colour models report 3 colour components, so palettes never take this path.
        return model.getNumColorComponents() == 1 && model.getNumComponents() <= 2;
    }

    /** Scales samples of {@code bits} bits to 0..255 and writes them to R, G and B. */
    private static void copyGrey(Raster raster, int bits, byte[] rgb) {
        int w = raster.getWidth();
        int max = (1 << bits) - 1;
        int[] row = new int[w];
        for (int y = 0, o = 0; y < raster.getHeight(); y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
            for (int v : row) {
                byte b = (byte) ((v * 255 + max / 2) / max);
                rgb[o++] = b;
                rgb[o++] = b;
                rgb[o++] = b;
            }
        }
    }
}
