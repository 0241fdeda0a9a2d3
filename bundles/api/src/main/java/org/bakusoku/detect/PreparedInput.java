package org.bakusoku.detect;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import org.bakusoku.frame.Frame;

/**
 * A frame already converted into a model's input tensor layout (resized, colour-converted, quantized), so that
 * running the model only needs a copy into the tensor and the inference call.
 *
 * <p>Reusable and mutable, unlike {@link Frame}: a pipeline owns a few instances (double buffering), hands one to
 * {@link Detector#prepare(Frame, PreparedInput)} on its preprocessing thread and then to
 * {@link Detector#detect(PreparedInput)} on its inference thread, and reuses it for a later frame. The buffer grows
 * only when a model with a larger input is loaded, so preparing allocates nothing per frame. Not thread-safe: one
 * thread uses an instance at a time, and the hand-over between threads must go through a lock or another
 * happens-before edge.
 */
public final class PreparedInput {

    private ByteBuffer bytes = ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder());
    private FloatBuffer floats = bytes.asFloatBuffer();
    private Frame frame;
    private Object layout;
    private long startNanos;
    private double preprocessMs;

    /**
     * The byte buffer to encode into, grown to at least {@code size} bytes (direct, native byte order, position 0).
     * Growing discards the previous content.
     *
     * @param size bytes the encoded input needs, &ge; 0
     * @return the buffer, capacity &ge; {@code size}
     */
    public ByteBuffer buffer(int size) {
        if (bytes.capacity() < size) {
            bytes = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
            floats = bytes.asFloatBuffer();
        }
        return bytes;
    }

    /**
     * The same memory as {@link #buffer(int)} seen as 32-bit floats (native order), for FLOAT32 model inputs.
     *
     * @param count floats the encoded input needs, &ge; 0
     * @return the float view, capacity &ge; {@code count}
     */
    public FloatBuffer floatBuffer(int count) {
        buffer(Math.multiplyExact(count, Float.BYTES));
        return floats;
    }

    /**
     * Records what the buffer now holds; called by the detector at the end of
     * {@link Detector#prepare(Frame, PreparedInput)}.
     *
     * @param frame        the frame that was encoded
     * @param layout       a value naming the encoding (equal layouts are interchangeable), chosen by the detector;
     *                     null when the detector stores the frame only
     * @param startNanos   start of preprocessing on the {@link System#nanoTime()} clock
     * @param preprocessMs time spent preprocessing, milliseconds
     */
    public void prepared(Frame frame, Object layout, long startNanos, double preprocessMs) {
        this.frame = frame;
        this.layout = layout;
        this.startNanos = startNanos;
        this.preprocessMs = preprocessMs;
    }

    /** @return the frame the buffer was prepared from, or null if nothing was prepared yet */
    public Frame frame() {
        return frame;
    }

    /** @return the layout given by the detector that prepared the buffer, or null */
    public Object layout() {
        return layout;
    }

    /** @return the direct buffer as last returned by {@link #buffer(int)} */
    public ByteBuffer bytes() {
        return bytes;
    }

    /** @return start of preprocessing on the {@link System#nanoTime()} clock */
    public long startNanos() {
        return startNanos;
    }

    /** @return time spent preprocessing, milliseconds */
    public double preprocessMs() {
        return preprocessMs;
    }
}
