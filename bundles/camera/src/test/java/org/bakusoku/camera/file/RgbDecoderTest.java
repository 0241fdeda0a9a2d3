package org.bakusoku.camera.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layouts the shared photos do not cover: greyscale, 16-bit greyscale, alpha, palette. */
class RgbDecoderTest {

    @Test
    void greyscaleIsReplicatedAsStoredWithoutGammaConversion() {
        BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, 3, 1, 0, new int[] { 0, 128, 255 });
        RgbImage image = RgbDecoder.toRgb(grey);
        assertThat(image.rgbAt(0, 0)).isEqualTo(0x000000);
        assertThat(image.rgbAt(1, 0)).isEqualTo(0x808080);
        assertThat(image.rgbAt(2, 0)).isEqualTo(0xFFFFFF);
    }

    @Test
    void sixteenBitGreyscaleIsScaledToEightBits() {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey.getRaster().setSamples(0, 0, 2, 1, 0, new int[] { 0x8080, 0xFFFF });
        RgbImage image = RgbDecoder.toRgb(grey);
        assertThat(image.rgbAt(0, 0)).isEqualTo(0x808080);
        assertThat(image.rgbAt(1, 0)).isEqualTo(0xFFFFFF);
    }

    @Test
    void alphaIsDroppedAndColourKept(@TempDir Path dir) throws IOException {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x80C86432);
        argb.setRGB(1, 0, 0xFF0000FF);
        java.io.File png = dir.resolve("alpha.png").toFile();
        ImageIO.write(argb, "png", png);
        BufferedImage read = ImageIO.read(png);
        assertThat(read.getColorModel().hasAlpha()).isTrue();
        RgbImage image = RgbDecoder.toRgb(read);
        assertThat(image.rgbAt(0, 0)).isEqualTo(0xC86432);
        assertThat(image.rgbAt(1, 0)).isEqualTo(0x0000FF);
    }

    @Test
    void paletteImageGoesThroughItsColourTable() {
        BufferedImage indexed = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_INDEXED);
        indexed.setRGB(0, 0, 0xFF0000); // pure red is in the default 6x6x6 colour cube
        assertThat(RgbDecoder.toRgb(indexed).rgbAt(0, 0)).isEqualTo(0xFF0000);
    }

    @Test
    void greyscaleAndColourJpegsDecodeWithOneReusedReader() throws IOException {
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, 16, 16, 0, filled(256, 100));
        BufferedImage colour = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                colour.setRGB(x, y, 0xC03020);
            }
        }
        byte[] greyJpeg = jpeg(grey);
        byte[] colourJpeg = jpeg(colour);
        try (RgbDecoder decoder = new RgbDecoder()) {
            for (int round = 0; round < 2; round++) {
                RgbImage g = decoder.decodeJpeg(greyJpeg, 0, greyJpeg.length);
                assertThat(g.rgbAt(5, 5)).isEqualTo(0x646464); // a flat area survives JPEG exactly
                RgbImage c = decoder.decodeJpeg(colourJpeg, 0, colourJpeg.length);
                int p = c.rgbAt(5, 5);
                assertThat(p >> 16 & 0xFF).isBetween(0xC0 - 4, 0xC0 + 4);
                assertThat(p >> 8 & 0xFF).isBetween(0x30 - 4, 0x30 + 4);
                assertThat(p & 0xFF).isBetween(0x20 - 4, 0x20 + 4);
                assertThat(c.rgb()).as("every frame gets its own array").isNotSameAs(
                        decoder.decodeJpeg(colourJpeg, 0, colourJpeg.length).rgb());
            }
            assertThatThrownBy(() -> decoder.decodeJpeg(new byte[] { 1, 2, 3 }, 0, 3)).isInstanceOf(IOException.class);
        }
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
