package org.bakusoku.detect.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

import org.junit.jupiter.api.Test;

/**
 * Half-pixel bilinear resize and encoding, against values worked out by hand. For 4x4 to 2x2 every output
 * pixel samples source coordinate (i + 0.5) * 2 - 0.5 = 2i + 0.5, i.e. the mean of one 2x2 block.
 */
class InputEncoderTest {

    private static final int[][] RED = {{0, 10, 20, 30}, {40, 50, 60, 70}, {80, 90, 100, 110}, {120, 130, 140, 150}};
    /** Block means 0.5, 0.25, 8.5, 227.5: tests rounding of the uint8 path. */
    private static final int[][] BLUE = {{1, 1, 0, 1}, {0, 0, 0, 0}, {7, 8, 200, 201}, {9, 10, 255, 254}};

    /** 4x4 test image: red as above, green = 255 - red, blue as above. */
    private static byte[] fourByFour() {
        byte[] rgb = new byte[4 * 4 * 3];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                int i = (y * 4 + x) * 3;
                rgb[i] = (byte) RED[y][x];
                rgb[i + 1] = (byte) (255 - RED[y][x]);
                rgb[i + 2] = (byte) BLUE[y][x];
            }
        }
        return rgb;
    }

    private static InputEncoder encoder(int w, int h, TensorType type, float scale, int zeroPoint) {
        return new InputEncoder(new InputSpec(h, w, type, scale, zeroPoint), 127.5f, 127.5f);
    }

    private static int[] unsigned(byte[] bytes) {
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return values;
    }

    @Test
    void uint8DownscaleAveragesEachBlockAndRoundsHalfUp() {
        byte[] out = new byte[2 * 2 * 3];
        encoder(2, 2, TensorType.UINT8, 0.0078125f, 128).encode(fourByFour(), 4, 4, ByteBuffer.wrap(out));
        // Pixels (0,0), (1,0), (0,1), (1,1); each R, G, B.
        assertThat(unsigned(out)).containsExactly(
                25, 230, 1,
                45, 210, 0,
                105, 150, 9,
                125, 130, 228);
    }

    @Test
    void nonIntegerScaleUsesHalfPixelCentres() {
        // 3 -> 2: samples at 0.25 and 1.75. Red row 0, 100, 200 -> 25, 175.
        byte[] src = {0, 0, 0, 100, 0, 0, (byte) 200, 0, 0};
        byte[] out = new byte[2 * 3];
        encoder(2, 1, TensorType.UINT8, 1f, 0).encode(src, 3, 1, ByteBuffer.wrap(out));
        assertThat(unsigned(out)).containsExactly(25, 0, 0, 175, 0, 0);
    }

    @Test
    void upscaleClampsSamplesAtTheBorders() {
        // 2 -> 4: samples at -0.25 (clamped to pixel 0), 0.25, 0.75, 1.25 (clamped to pixel 1).
        byte[] src = {0, 0, 0, 100, 0, 0};
        byte[] out = new byte[4 * 3];
        encoder(4, 1, TensorType.UINT8, 1f, 0).encode(src, 2, 1, ByteBuffer.wrap(out));
        assertThat(unsigned(out)).containsExactly(0, 0, 0, 25, 0, 0, 75, 0, 0, 100, 0, 0);
    }

    @Test
    void uniformColourStaysUniformAtAnySize() {
        int w = 640;
        int h = 480;
        byte[] src = new byte[w * h * 3];
        for (int i = 0; i < src.length; i += 3) {
            src[i] = 37;
            src[i + 1] = (byte) 150;
            src[i + 2] = (byte) 222;
        }
        byte[] out = new byte[300 * 300 * 3];
        encoder(300, 300, TensorType.UINT8, 1f, 0).encode(src, w, h, ByteBuffer.wrap(out));
        for (int i = 0; i < out.length; i += 3) {
            assertThat(new int[] {out[i] & 0xFF, out[i + 1] & 0xFF, out[i + 2] & 0xFF}).containsExactly(37, 150, 222);
        }
        float[] floats = new float[300 * 300 * 3];
        encoder(300, 300, TensorType.FLOAT32, 0f, 0).encode(src, w, h, FloatBuffer.wrap(floats));
        for (int i = 0; i < floats.length; i += 3) {
            assertThat(floats[i]).isEqualTo((37 - 127.5f) / 127.5f);
            assertThat(floats[i + 2]).isEqualTo((222 - 127.5f) / 127.5f);
        }
    }

    @Test
    void int8QuantizesTheNormalizedValueWithTheTensorScaleAndZeroPoint() {
        // q = round(((v - 127.5) / 127.5) / (1/128)) + 0, from the unrounded block means.
        byte[] out = new byte[2 * 2 * 3];
        encoder(2, 2, TensorType.INT8, 0.0078125f, 0).encode(fourByFour(), 4, 4, ByteBuffer.wrap(out));
        assertThat(out).containsExactly(
                -103, 103, -127, // R 25 -> -102.90, G 230 -> 102.90, B 0.5 -> -127.50
                -83, 83, -128, // R 45 -> -82.82, G 210 -> 82.82, B 0.25 -> -127.75
                -23, 23, -119, // R 105 -> -22.59, G 150 -> 22.59, B 8.5 -> -119.47
                -3, 3, 100); // R 125 -> -2.51, G 130 -> 2.51, B 227.5 -> 100.39
    }

    @Test
    void int8ZeroPointShiftsAndClamps() {
        // scale 1/64, zero point -10: 255 -> 1 * 64 - 10 = 54; 0 -> -64 - 10 = -74.
        byte[] white = {(byte) 255, 0, (byte) 255};
        byte[] out = new byte[3];
        encoder(1, 1, TensorType.INT8, 1f / 64, -10).encode(white, 1, 1, ByteBuffer.wrap(out));
        assertThat(out).containsExactly(54, -74, 54);
        // scale 1/256: 255 -> 256 clamps to 127, 0 -> -256 clamps to -128.
        encoder(1, 1, TensorType.INT8, 1f / 256, 0).encode(white, 1, 1, ByteBuffer.wrap(out));
        assertThat(out).containsExactly(127, -128, 127);
    }

    @Test
    void quantizeRoundsHalfAwayFromZero() {
        assertThat(InputEncoder.quantize(2.5f, 1f, 0, -128, 127)).isEqualTo(3);
        assertThat(InputEncoder.quantize(-2.5f, 1f, 0, -128, 127)).isEqualTo(-3);
        assertThat(InputEncoder.quantize(-2.4f, 1f, 10, -128, 127)).isEqualTo(8);
        assertThat(InputEncoder.quantize(-1000f, 1f, 0, -128, 127)).isEqualTo(-128);
    }

    @Test
    void float32NormalizesWithMeanAndStd() {
        float[] out = new float[2 * 2 * 3];
        encoder(2, 2, TensorType.FLOAT32, 0f, 0).encode(fourByFour(), 4, 4, FloatBuffer.wrap(out));
        assertThat(out[0]).isCloseTo(-0.8039216f, within(1e-6f)); // (25 - 127.5) / 127.5
        assertThat(out[1]).isCloseTo(0.8039216f, within(1e-6f)); // 230
        assertThat(out[2]).isCloseTo(-0.99607843f, within(1e-6f)); // 0.5, not rounded to 1
        assertThat(out[11]).isCloseTo(0.78431374f, within(1e-6f)); // 227.5

        InputEncoder zeroToOne = new InputEncoder(new InputSpec(2, 2, TensorType.FLOAT32, 0f, 0), 0f, 255f);
        zeroToOne.encode(fourByFour(), 4, 4, FloatBuffer.wrap(out));
        assertThat(out[3]).isCloseTo(45f / 255f, within(1e-6f));
        assertThat(out[5]).isCloseTo(0.25f / 255f, within(1e-7f));
    }

    @Test
    void tablesFollowAChangeOfSourceSize() {
        InputEncoder encoder = encoder(2, 2, TensorType.UINT8, 1f, 0);
        byte[] out = new byte[2 * 2 * 3];
        encoder.encode(fourByFour(), 4, 4, ByteBuffer.wrap(out));
        // 1x1 source: every output pixel is that pixel.
        encoder.encode(new byte[] {9, 8, 7}, 1, 1, ByteBuffer.wrap(out));
        assertThat(out).containsExactly(9, 8, 7, 9, 8, 7, 9, 8, 7, 9, 8, 7);
    }

    @Test
    void tablesFollowAChangeOfWidthAtTheSameHeight() {
        // Row offsets are multiples of width * 3: a narrower frame of the same height must not reuse them.
        InputEncoder encoder = encoder(2, 2, TensorType.UINT8, 1f, 0);
        byte[] out = new byte[2 * 2 * 3];
        encoder.encode(fourByFour(), 4, 4, ByteBuffer.wrap(out));
        byte[] twoByFour = new byte[2 * 4 * 3];
        for (int i = 0; i < twoByFour.length; i += 3) {
            twoByFour[i] = 50;
            twoByFour[i + 1] = 60;
            twoByFour[i + 2] = 70;
        }
        encoder.encode(twoByFour, 2, 4, ByteBuffer.wrap(out));
        assertThat(out).containsExactly(50, 60, 70, 50, 60, 70, 50, 60, 70, 50, 60, 70);
        encoder.encode(fourByFour(), 4, 4, ByteBuffer.wrap(out));
        assertThat(unsigned(out)).containsExactly(25, 230, 1, 45, 210, 0, 105, 150, 9, 125, 130, 228);
    }

    @Test
    void rejectsMismatchedSizesAndBufferKinds() {
        InputEncoder uint8 = encoder(2, 2, TensorType.UINT8, 1f, 0);
        assertThatThrownBy(() -> uint8.encode(new byte[10], 2, 2, ByteBuffer.allocate(12)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width*height*3");
        assertThatThrownBy(() -> uint8.encode(new byte[12], 2, 2, ByteBuffer.allocate(11)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 12");
        assertThatThrownBy(() -> uint8.encode(new byte[12], 2, 2, FloatBuffer.allocate(12)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ByteBuffer");
        assertThatThrownBy(() -> new InputEncoder(new InputSpec(2, 2, TensorType.FLOAT32, 0f, 0), 127.5f, 0f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("std");
    }
}
