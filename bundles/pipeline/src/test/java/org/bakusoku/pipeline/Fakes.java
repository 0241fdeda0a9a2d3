package org.bakusoku.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.bakusoku.detect.Box;
import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.Detector;
import org.bakusoku.detect.DetectorException;
import org.bakusoku.detect.PreparedInput;
import org.bakusoku.detect.Timings;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;
import org.bakusoku.model.ModelInfo;

/** A hand-driven frame source and a detector that records what it was given. */
final class Fakes {

    static final ModelInfo MODEL = ModelInfo.of("test", "ab".repeat(32));

    private Fakes() {
    }

    static Frame frame(long seq) {
        return new Frame(seq, 1_000 + seq, System.nanoTime(), 2, 2, new byte[12]);
    }

    /** A source whose latest frame the test sets by hand; it never blocks. */
    static final class ManualSource implements FrameSource {
        volatile Frame latest;

        @Override
        public Frame latest() {
            return latest;
        }

        @Override
        public Frame awaitNewer(long afterSequence, long timeoutMs) {
            Frame f = latest;
            return f != null && f.sequence() > afterSequence ? f : null;
        }

        @Override
        public String description() {
            return "manual";
        }
    }

    /**
     * A detector that "encodes" a frame by writing its sequence number into the buffer and "detects" by reading it
     * back, so a test sees which prepared bytes reached the inference.
     */
    static final class RecordingDetector implements Detector {
        final List<Long> prepared = new ArrayList<>();
        final List<Long> analysed = new ArrayList<>();
        volatile boolean fail;
        volatile Runnable duringDetect = () -> { };

        @Override
        public void prepare(Frame frame, PreparedInput into) {
            into.buffer(8).putLong(0, frame.sequence());
            into.prepared(frame, "layout", System.nanoTime(), 1.5);
            prepared.add(frame.sequence());
        }

        @Override
        public DetectionResult detect(PreparedInput input) throws DetectorException {
            if (fail) {
                throw new DetectorException("model error");
            }
            duringDetect.run();
            analysed.add(input.bytes().getLong(0));
            return new DetectionResult(input.frame(), MODEL,
                    List.of(new Detection("person", 0, 0.8f, new Box(0.1f, 0.2f, 0.3f, 0.4f))),
                    new Timings(input.preprocessMs(), 20.0, 21.5));
        }

        @Override
        public DetectionResult detect(Frame frame) {
            throw new AssertionError("the pipeline runs prepared inputs");
        }

        @Override
        public ModelInfo model() {
            return MODEL;
        }
    }
}
