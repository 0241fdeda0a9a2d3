package org.bakusoku.detect.tflite;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bakusoku.detect.DetectorException;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.BuiltinOpResolverWithXNNPACK;
import org.bytedeco.tensorflowlite.BuiltinOpResolverWithoutDefaultDelegates;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteTensor;

/**
 * One loaded TFLite detection model: the native flatbuffer, op resolver, interpreter builder and interpreter,
 * kept strongly referenced together and closed explicitly in reverse order of creation.
 *
 * <p>Why one holder: JavaCPP frees a native object when its Java peer is garbage-collected; an
 * {@code Interpreter} whose {@code FlatBufferModel} or builder was collected crashed the JVM (SIGSEGV) on the
 * next {@code Invoke()} (STACK.md, trap 10). The XNNPACK delegate, when used, is created and owned by the
 * interpreter, so it is freed with it, after it stopped running. Not thread-safe: one thread invokes, and
 * {@link #close()} must not run during {@link #invoke()}.
 */
public final class TfliteModel implements AutoCloseable {

    private final FlatBufferModel flatBuffer;
    private final BuiltinOpResolver resolver;
    private final InterpreterBuilder builder;
    private final Interpreter interpreter;
    private final ModelSpec spec;
    private final int threads;
    private final Delegation delegation;
    private final ByteBuffer inputRaw;
    private final FloatBuffer inputFloats;
    private final OutputReader outputs;
    private boolean closed;

    private TfliteModel(FlatBufferModel flatBuffer, BuiltinOpResolver resolver, InterpreterBuilder builder,
            Interpreter interpreter, ModelSpec spec, int threads, Delegation delegation) {
        this.flatBuffer = flatBuffer;
        this.resolver = resolver;
        this.builder = builder;
        this.interpreter = interpreter;
        this.spec = spec;
        this.threads = threads;
        this.delegation = delegation;
        // The input tensor's memory stays put from AllocateTensors() until the interpreter is closed.
        TfLiteTensor input = interpreter.input_tensor(0);
        this.inputRaw = input.data().raw().capacity(input.bytes()).asBuffer().order(ByteOrder.nativeOrder());
        this.inputFloats = spec.input().type() == TensorType.FLOAT32 ? inputRaw.asFloatBuffer() : null;
        this.outputs = new OutputReader(interpreter);
    }

    /**
     * Loads a detection model with XNNPACK offered and the decoding manifest found beside it, if any.
     *
     * @param file    the {@code .tflite} file
     * @param threads interpreter threads, 1..64
     * @return the loaded model; the caller closes it
     * @throws DetectorException as {@link #load(Path, int, boolean, DetectorManifest)}, or if the manifest beside
     *                           the model cannot be read
     */
    public static TfliteModel load(Path file, int threads) throws DetectorException {
        return load(file, threads, true, DetectorManifest.beside(file));
    }

    /**
     * Loads and validates a detection model.
     *
     * <p>With {@code xnnpack}, the op resolver is TFLite's {@code BuiltinOpResolverWithXNNPACK(true)}: it creates
     * the XNNPACK delegate with {@code TfLiteXNNPackDelegateOptionsDefault()} (signed 8-bit QS8 on) plus
     * {@code TFLITE_XNNPACK_DELEGATE_FLAG_QU8} for unsigned 8-bit graphs, sharing the interpreter's thread pool
     * ({@code tensorflow/lite/core/kernels/register.cc}, {@code tflite_with_xnnpack_optional.cc}); the delegate
     * takes the nodes it supports and the built-in kernels run the rest. (The JavaCPP preset maps no
     * {@code TfLiteXNNPackDelegateCreate}, so the delegate cannot be created by hand.) Without it, the resolver is
     * {@code BuiltinOpResolverWithoutDefaultDelegates}: built-in kernels only.
     *
     * @param file     the {@code .tflite} file
     * @param threads  interpreter threads, 1..64, set on the builder before building
     * @param xnnpack  offer the graph to the XNNPACK delegate
     * @param manifest the model's decoding manifest, or null; required for raw SSD outputs
     * @return the loaded model; the caller closes it
     * @throws DetectorException if the file is missing or not a flatbuffer, the interpreter cannot be built or
     *                           allocated, or the model is not a supported detection model (see {@link ModelSpec})
     * @throws IllegalArgumentException if {@code threads} is outside 1..64
     */
    public static TfliteModel load(Path file, int threads, boolean xnnpack, DetectorManifest manifest)
            throws DetectorException {
        if (!Files.isRegularFile(file)) {
            throw new DetectorException("model file not found: " + file);
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be 1..64, got " + threads);
        }
        FlatBufferModel flatBuffer = FlatBufferModel.BuildFromFile(file.toString());
        if (flatBuffer == null || flatBuffer.isNull()) {
            throw new DetectorException("not a TFLite model (the flatbuffer could not be read): " + file);
        }
        BuiltinOpResolver resolver = xnnpack ? new BuiltinOpResolverWithXNNPACK(true)
                : new BuiltinOpResolverWithoutDefaultDelegates();
        InterpreterBuilder builder = new InterpreterBuilder(flatBuffer, resolver);
        Interpreter interpreter = new Interpreter((Pointer) null);
        try {
            builder.SetNumThreads(threads);
            if (builder.apply(interpreter) != kTfLiteOk || interpreter.isNull()) {
                throw new DetectorException("TFLite could not build an interpreter for " + file
                        + " (unsupported operator or corrupt model)");
            }
            if (interpreter.AllocateTensors() != kTfLiteOk) {
                throw new DetectorException("TFLite could not allocate the tensors of " + file);
            }
            ModelSpec spec;
            try {
                spec = ModelSpec.of(Tensors.inputs(interpreter), Tensors.outputs(interpreter),
                        Tensors.customOps(interpreter), manifest);
            } catch (DetectorException e) {
                throw new DetectorException(file + " is not a detection model: " + e.getMessage(), e);
            }
            Delegation delegation = Tensors.delegation(interpreter, xnnpack ? "XNNPACK" : "none");
            return new TfliteModel(flatBuffer, resolver, builder, interpreter, spec, threads, delegation);
        } catch (DetectorException | RuntimeException e) {
            closeAll(interpreter, builder, resolver, flatBuffer);
            throw e;
        }
    }

    /** @return the validated input and output layout */
    public ModelSpec spec() {
        return spec;
    }

    /** @return the number of interpreter threads */
    public int threads() {
        return threads;
    }

    /** @return how many graph nodes the delegate took */
    public Delegation delegation() {
        return delegation;
    }

    /**
     * @return the input tensor's memory for UINT8/INT8 input (absolute puts of {@code height * width * 3} bytes);
     *         null for FLOAT32 input
     */
    public ByteBuffer inputBytes() {
        return spec.input().type() == TensorType.FLOAT32 ? null : inputRaw;
    }

    /** @return the input tensor's memory for FLOAT32 input (absolute puts), null for UINT8/INT8 input */
    public FloatBuffer inputFloats() {
        return inputFloats;
    }

    /**
     * Copies an encoded input into the input tensor: one bulk copy, nothing else.
     *
     * @param encoded at least the input tensor's byte size from index 0 ({@link InputLayout#byteCount()}), encoded
     *                for this model's input
     * @throws IllegalStateException if the model is closed
     * @throws IndexOutOfBoundsException if {@code encoded} is too small
     */
    public void copyInput(ByteBuffer encoded) {
        checkOpen();
        inputRaw.put(0, encoded, 0, inputRaw.capacity());
    }

    /**
     * Runs the model on the input written into the input tensor.
     *
     * @throws DetectorException if {@code Interpreter::Invoke()} does not return {@code kTfLiteOk}
     * @throws IllegalStateException if the model is closed
     */
    public void invoke() throws DetectorException {
        checkOpen();
        int status = interpreter.Invoke();
        if (status != kTfLiteOk) {
            throw new DetectorException("TFLite Invoke() failed with status " + status);
        }
    }

    /**
     * Copies one output tensor of the last {@link #invoke()} as real values: FLOAT32 as is, UINT8/INT8 dequantized
     * as {@code scale * (q - zeroPoint)}.
     *
     * @param index output index
     * @param dst   receives the first {@code count} elements
     * @param count elements to copy, at most the tensor's element count
     * @throws IllegalStateException if the model is closed
     */
    public void readOutput(int index, float[] dst, int count) {
        checkOpen();
        outputs.read(index, dst, count);
    }

    /** Frees the natives, interpreter first and flatbuffer last; further calls do nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeAll(interpreter, builder, resolver, flatBuffer);
        }
    }

    /** @return true once {@link #close()} has run */
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("model is closed");
        }
    }

    private static void closeAll(Pointer... inReverseOrderOfCreation) {
        for (Pointer p : inReverseOrderOfCreation) {
            p.close();
        }
    }
}
