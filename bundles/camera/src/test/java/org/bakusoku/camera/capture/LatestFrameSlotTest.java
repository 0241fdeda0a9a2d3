package org.bakusoku.camera.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.bakusoku.camera.file.RgbImage;
import org.bakusoku.frame.Frame;
import org.junit.jupiter.api.Test;

class LatestFrameSlotTest {

    private static RgbImage image(int value) {
        return new RgbImage(1, 1, new byte[] { (byte) value, 0, 0 });
    }

    @Test
    void slowConsumerGetsTheNewestFrameAndSkipsTheOnesInBetween() throws InterruptedException {
        LatestFrameSlot slot = new LatestFrameSlot();
        assertThat(slot.latest()).isNull();
        assertThat(slot.awaitNewer(0, 0)).isNull();

        Frame first = slot.publish(image(1));
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(slot.awaitNewer(0, 0)).isSameAs(first);

        slot.publish(image(2));
        slot.publish(image(3));
        Frame fourth = slot.publish(image(4));

        Frame got = slot.awaitNewer(first.sequence(), 0);
        assertThat(got).isSameAs(fourth);
        assertThat(got.sequence()).isEqualTo(4);
        assertThat(got.rgb()[0]).isEqualTo((byte) 4);
        assertThat(slot.awaitNewer(4, 0)).as("nothing newer than #4").isNull();
    }

    @Test
    void waitingConsumerWakesOnPublication() throws Exception {
        LatestFrameSlot slot = new LatestFrameSlot();
        Frame[] received = new Frame[1];
        Thread consumer = new Thread(() -> {
            try {
                received[0] = slot.awaitNewer(0, 60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.start();
        Frame published = slot.publish(image(9));
        consumer.join();
        assertThat(received[0]).isSameAs(published);
    }

    @Test
    void timesOutWithNullWhenNothingNewArrives() throws InterruptedException {
        LatestFrameSlot slot = new LatestFrameSlot();
        slot.publish(image(1));
        assertThat(slot.awaitNewer(1, 20)).isNull();
        assertThat(slot.awaitNewer(1, -5)).isNull();
    }
}
