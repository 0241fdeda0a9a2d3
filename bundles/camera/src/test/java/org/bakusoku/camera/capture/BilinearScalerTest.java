package org.bakusoku.camera.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.bakusoku.camera.file.RgbImage;
import org.bakusoku.frame.Frame;
import org.junit.jupiter.api.Test;

class BilinearScalerTest {

    /** A horizontal grey ramp: value = x * 255 / (w - 1). */
    private static RgbImage ramp(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = x * 255 / (w - 1);
                int i = (y * w + x) * 3;
                rgb[i] = (byte) v;
                rgb[i + 1] = (byte) v;
                rgb[i + 2] = (byte) (255 - v);
            }
        }
        return new RgbImage(w, h, rgb);
    }

    @Test
    void halvingAveragesNeighbourPairsAndKeepsChannels() {
        RgbImage src = ramp(4, 2); // values 0, 85, 170, 255
        RgbImage out = BilinearScaler.scale(src, 2, 1);
        // Centres of the 2 target pixels fall at source x = 0.5 and 2.5: the means of (0, 85) and (170, 255).
        assertThat(out.rgbAt(0, 0)).isEqualTo(0x2B2BD5); // 42.5 -> 43, blue 255 - 42.5 -> 213
        assertThat(out.rgbAt(1, 0)).isEqualTo(0xD5D52B);
    }

    @Test
    void upscalingClampsAtTheEdges() {
        RgbImage out = BilinearScaler.scale(ramp(2, 1), 4, 1);
        assertThat(out.rgbAt(0, 0) >> 16).isZero();
        assertThat(out.rgbAt(3, 0) >> 16).isEqualTo(255);
        assertThat(out.rgbAt(1, 0) >> 16).isEqualTo(64); // source x = 0.25: a quarter of the way
    }

    @Test
    void theSlotPublishesADetectionFrameOfTheConfiguredSizeWithTheDisplayFramesSequence() {
        LatestFrameSlot slot = new LatestFrameSlot();
        slot.detectSize(300, 300);
        Frame detection = slot.publish(ramp(640, 480));
        Frame display = slot.latestDisplay();
        assertThat(detection.width()).isEqualTo(300);
        assertThat(detection.height()).isEqualTo(300);
        assertThat(display.width()).isEqualTo(640);
        assertThat(display.sequence()).isEqualTo(detection.sequence());
        assertThat(display.timestampMs()).isEqualTo(detection.timestampMs());
        assertThat(slot.display(detection.sequence())).isSameAs(display);

        for (int i = 0; i < LatestFrameSlot.DISPLAY_KEPT; i++) {
            slot.publish(ramp(8, 2));
        }
        assertThat(slot.display(detection.sequence())).as("older than the kept ones").isNull();
        slot.detectSize(0, 0);
        assertThat(slot.publish(ramp(8, 2))).isSameAs(slot.latestDisplay());
    }
}
