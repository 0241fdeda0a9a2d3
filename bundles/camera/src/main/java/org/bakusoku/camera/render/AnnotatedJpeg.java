package org.bakusoku.camera.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.bakusoku.detect.Box;
import org.bakusoku.detect.Detection;
import org.bakusoku.frame.Frame;

/**
 * Draws detection boxes with "label score" captions on a copy of a frame and encodes it as JPEG, for the live view
 * and snapshots. Boxes are normalized, so they fit any frame size; they are clipped to the frame. One colour per
 * class id (hues spread by a prime step, as on the console's Detections page). Stateless; thread-safe.
 */
public final class AnnotatedJpeg {

    /** JPEG quality 0..1 (ImageIO's scale): readable labels at a fraction of the raw size. */
    public static final float QUALITY = 0.8f;

    private static final Logger LOG = LoggerFactory.getLogger(AnnotatedJpeg.class);
    /** Set once text rendering failed (a headless JRE without fonts/fontconfig): boxes are then drawn alone. */
    private static volatile boolean captionsBroken;

    private AnnotatedJpeg() {
    }

    /**
     * @param frame      an RGB frame; not modified
     * @param detections boxes to draw, normalized 0..1; may be empty
     * @return JPEG bytes of the frame's size
     */
    public static byte[] encode(Frame frame, List<Detection> detections) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = frame.rgb();
        for (int i = 0; i < rgb.length; i += 3) { // Frame is R,G,B; TYPE_3BYTE_BGR stores B,G,R
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        if (!detections.isEmpty()) {
            draw(image, detections);
        }
        return jpeg(image);
    }

    /**
     * @param classId a model class id, &ge; 0
     * @return the colour its boxes are drawn in: hue = classId * 47 degrees, saturation 0.9, full brightness
     */
    public static Color colour(int classId) {
        return Color.getHSBColor(((classId * 47) % 360) / 360f, 0.9f, 1f);
    }

    private static void draw(BufferedImage image, List<Detection> detections) {
        int w = image.getWidth();
        int h = image.getHeight();
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setStroke(new BasicStroke(Math.max(2, h / 240f)));
            for (Detection d : detections) {
                Box b = d.box();
                int x0 = Math.round(clamp(b.xmin()) * (w - 1));
                int y0 = Math.round(clamp(b.ymin()) * (h - 1));
                int x1 = Math.round(clamp(b.xmax()) * (w - 1));
                int y1 = Math.round(clamp(b.ymax()) * (h - 1));
                Color colour = colour(d.classId());
                g.setColor(colour);
                g.drawRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
                if (!captionsBroken) {
                    caption(g, d.label() + " " + String.format(Locale.ROOT, "%.2f", d.score()), x0, y0, h);
                }
            }
        } finally {
            g.dispose();
        }
    }

    private static void caption(Graphics2D g, String caption, int x0, int y0, int h) {
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, h / 30)));
            FontMetrics metrics = g.getFontMetrics();
            int tw = metrics.stringWidth(caption) + 6;
            int th = metrics.getHeight();
            int ty = y0 - th >= 0 ? y0 - th : y0; // above the box, or inside it at the top edge
            g.fillRect(x0, ty, tw, th);
            Color box = g.getColor();
            g.setColor(Color.BLACK);
            g.drawString(caption, x0 + 3, ty + metrics.getAscent());
            g.setColor(box);
        } catch (RuntimeException | LinkageError | InternalError e) {
            // Known failures of a JRE without fonts: "Fontconfig head is null", missing libfontmanager.
            captionsBroken = true;
            LOG.warn("camera: cannot draw text ({}); boxes are drawn without labels. Install fontconfig and a font"
                    + " (Debian: apt-get install fontconfig fonts-dejavu-core)", e.toString());
        }
    }

    private static float clamp(float v) {
        return Math.min(1f, Math.max(0f, v));
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY);
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4);
        // A memory-cached stream: ImageIO would otherwise cache through a temp file on the SD card.
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
