package org.bakusoku.camera.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bakusoku.camera.file.RgbImage;
import org.junit.jupiter.api.Test;

class FrameReadersTest {

    private static byte[] ppm(String header, int pixels, int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        byte[] data = new byte[pixels * 3];
        Arrays.fill(data, (byte) value);
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Test
    void readsPpmFramesBackToBackFollowingSizeChanges() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(ppm("P6\n4 2\n255\n", 8, 10));
        stream.writeBytes(ppm("P6 # a comment\n3 3 255\n", 9, 200));
        InputStream in = new ByteArrayInputStream(stream.toByteArray());
        PpmFrameReader reader = new PpmFrameReader();

        RgbImage first = reader.next(in);
        RgbImage second = reader.next(in);
        assertThat(first.width()).isEqualTo(4);
        assertThat(first.height()).isEqualTo(2);
        assertThat(first.rgbAt(3, 1)).isEqualTo(0x0A0A0A);
        assertThat(second.width()).isEqualTo(3);
        assertThat(second.rgbAt(2, 2)).isEqualTo(0xC8C8C8);
        assertThat(reader.next(in)).isNull();
    }

    @Test
    void aFrameCutOffAtTheEndIsDroppedAndGarbageIsAnError() throws IOException {
        byte[] whole = ppm("P6\n4 2\n255\n", 8, 1);
        assertThat(new PpmFrameReader().next(new ByteArrayInputStream(whole, 0, whole.length - 1))).isNull();
        assertThat(new PpmFrameReader().next(new ByteArrayInputStream("P6\n4".getBytes(StandardCharsets.US_ASCII))))
                .isNull();
        assertThatThrownBy(() -> new PpmFrameReader().next(new ByteArrayInputStream(new byte[] { 'G', 'I', 'F' })))
                .isInstanceOf(IOException.class).hasMessageContaining("P6");
        assertThatThrownBy(() -> new PpmFrameReader().next(new ByteArrayInputStream(
                "P6\n99999 2\n255\n".getBytes(StandardCharsets.US_ASCII)))).hasMessageContaining("99999x2");
    }

    /** @return one Y'CbCr colour converted, as {@code 0xRRGGBB} (a 2x2 I420 frame of that colour) */
    private static int rgb(YuvConverter matrix, int y, int cb, int cr) {
        byte[] rgb = matrix.i420ToRgb(new byte[] { (byte) y, (byte) y, (byte) y, (byte) y, (byte) cb, (byte) cr }, 2, 2);
        return (rgb[0] & 0xFF) << 16 | (rgb[1] & 0xFF) << 8 | (rgb[2] & 0xFF);
    }

    @Test
    void limitedRangeYuvGivesTheReferenceColours() {
        // 75 % colour bars of ITU-R BT.601 (Y'CbCr 8-bit, limited range) and full white/black.
        assertThat(rgb(YuvConverter.BT601, 81, 90, 240)).as("red").isEqualTo(0xFE0000);
        assertThat(rgb(YuvConverter.BT601, 41, 240, 110)).as("blue").isEqualTo(0x0000FF);
        assertThat(rgb(YuvConverter.BT601, 235, 128, 128)).as("white").isEqualTo(0xFFFFFF);
        assertThat(rgb(YuvConverter.BT601, 16, 128, 128)).as("black").isEqualTo(0x000000);
        // The same red differs under BT.709 (higher Cr weight): the matrix matters.
        // BT.709 red is Y'CbCr (63, 102, 240) after rounding to 8 bits; exactly, its G comes back as 0.6 -> 1.
        assertThat(rgb(YuvConverter.BT709, 63, 102, 240)).as("BT.709 red").isEqualTo(0xFF0100);
        assertThat(rgb(YuvConverter.BT601, 63, 102, 240) >> 16).as("red read with the wrong matrix is duller")
                .isLessThan(240);
        assertThat(YuvConverter.forLibcameraVideo(640, 480)).isEqualTo(YuvConverter.BT601);
        assertThat(YuvConverter.forLibcameraVideo(1280, 720)).isEqualTo(YuvConverter.BT709);
    }

    @Test
    void i420FramesAreReadWholeAndConverted() throws IOException {
        int w = 4;
        int h = 2;
        byte[] frame = new byte[w * h * 3 / 2];
        Arrays.fill(frame, 0, w * h, (byte) 81); // Y
        frame[8] = 90;  // U, left 2x2 block
        frame[9] = (byte) 240; // U, right block: blue
        frame[10] = (byte) 240; // V, left: red
        frame[11] = (byte) 110; // V, right
        Arrays.fill(frame, 0 + 2, 4, (byte) 41); // Y of the right block, row 0
        Arrays.fill(frame, 6, 8, (byte) 41);     // row 1
        byte[] two = new byte[frame.length * 2 - 1];
        System.arraycopy(frame, 0, two, 0, frame.length);
        System.arraycopy(frame, 0, two, frame.length, frame.length - 1);
        I420FrameReader reader = new I420FrameReader(w, h, YuvConverter.BT601);
        InputStream in = new ByteArrayInputStream(two);

        RgbImage image = reader.next(in);
        assertThat(image.rgbAt(0, 0)).isEqualTo(0xFE0000);
        assertThat(image.rgbAt(3, 1)).isEqualTo(0x0000FF);
        assertThat(reader.next(in)).as("incomplete second frame").isNull();
    }
}
