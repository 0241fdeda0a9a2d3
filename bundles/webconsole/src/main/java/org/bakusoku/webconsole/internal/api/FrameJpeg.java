package org.bakusoku.webconsole.internal.api;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.bakusoku.frame.Frame;

/**
 * Encodes frames as JPEG for the console page, remembering the last encoding: several open pages polling
 * the same frame cost one encoding.
 */
final class FrameJpeg {

    /** JPEG quality 0..1 (ImageIO's scale); 0.8 keeps labels and edges readable at a fraction of PNG size. */
    static final float QUALITY = 0.8f;

    private record Encoded(Frame frame, byte[] jpeg) {
    }

    private final AtomicReference<Encoded> last = new AtomicReference<>();

    /**
     * @param frame an RGB frame
     * @return its JPEG encoding, same width and height
     */
    byte[] jpeg(Frame frame) {
        Encoded cached = last.get();
        if (cached != null && cached.frame() == frame) {
            return cached.jpeg();
        }
        byte[] jpeg = encode(frame);
        last.set(new Encoded(frame, jpeg));
        return jpeg;
    }

    private static byte[] encode(Frame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = frame.rgb();
        for (int i = 0; i < rgb.length; i += 3) { // Frame is R,G,B; TYPE_3BYTE_BGR stores B,G,R
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY);
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.width() * frame.height() / 4);
        // A memory-cached stream: ImageIO.write would otherwise cache through a temp file on the SD card.
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding of " + frame + " failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
