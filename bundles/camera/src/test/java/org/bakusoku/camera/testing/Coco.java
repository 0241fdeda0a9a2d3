package org.bakusoku.camera.testing;

import java.util.List;

import org.bakusoku.camera.SharedData;
import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.DetectorException;
import org.bakusoku.detect.tflite.DetectorSettings;
import org.bakusoku.detect.tflite.TfliteDetector;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;

/** The real COCO SSD detector of the detect-tflite bundle, for tests that check detections on camera frames. */
public final class Coco {

    private Coco() {
    }

    /** @return the loaded detector (score threshold 0.5); close it after the test class */
    public static TfliteDetector open() throws DetectorException {
        return TfliteDetector.open(new DetectorSettings(
                SharedData.root().resolve("models/ssd_mobilenet_v1_coco_quant/model.tflite"), null, null, 0, 0.5f,
                DetectorSettings.DEFAULT_MEAN, DetectorSettings.DEFAULT_STD));
    }

    /**
     * Runs the detector on fresh frames until one holds a person.
     *
     * @return the first result with a person, or null if none among {@code maxFrames} frames
     */
    public static DetectionResult firstPerson(TfliteDetector detector, FrameSource source, int maxFrames)
            throws InterruptedException, DetectorException {
        long seq = 0;
        for (int i = 0; i < maxFrames; i++) {
            Frame frame = source.awaitNewer(seq, 10_000);
            if (frame == null) {
                return null;
            }
            seq = frame.sequence();
            DetectionResult result = detector.detect(frame);
            List<Detection> people = result.detections().stream().filter(d -> d.label().equals("person")).toList();
            if (!people.isEmpty()) {
                return result;
            }
        }
        return null;
    }
}
