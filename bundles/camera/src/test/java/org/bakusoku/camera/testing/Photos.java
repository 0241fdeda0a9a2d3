package org.bakusoku.camera.testing;

import java.io.IOException;
import java.nio.file.Files;

import org.bakusoku.camera.SharedData;
import org.bakusoku.camera.file.RgbDecoder;
import org.bakusoku.camera.file.RgbImage;
import org.bakusoku.frame.Frame;

/** Shared photos as frames. */
public final class Photos {

    private Photos() {
    }

    /** @return the photo as frame number {@code sequence}, stamped {@code timeMs} */
    public static Frame frame(String name, long sequence, long timeMs) throws IOException {
        byte[] jpeg = Files.readAllBytes(SharedData.images().resolve(name));
        try (RgbDecoder decoder = new RgbDecoder()) {
            RgbImage image = decoder.decodeJpeg(jpeg, 0, jpeg.length);
            return new Frame(sequence, timeMs, System.nanoTime(), image.width(), image.height(), image.rgb());
        }
    }
}
