package org.bakusoku.detect.tflite;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteBool;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteFloat16;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteFloat32;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteInt16;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteInt32;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteInt64;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteInt8;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteString;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteUInt8;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bakusoku.detect.DetectorException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteIntArray;
import org.bytedeco.tensorflowlite.TfLiteRegistration;
import org.bytedeco.tensorflowlite.TfLiteTensor;

/**
 * One loaded TFLite detection model: the native flatbuffer, op resolver, interpreter builder and interpreter,
 * kept strongly referenced together and closed explicitly in reverse order of creation.
 *
 * <p>Why one holder: JavaCPP frees a native object when its Java peer is garbage-collected; an
 * {@code Interpreter} whose {@code FlatBufferModel} or builder was collected crashed the JVM (SIGSEGV) on the
 * next {@code Invoke()} (STACK.md, trap 10). Not thread-safe: one thread invokes, and {@link #close()} must not
 * run during {@link #invoke()}.
 */
public final class TfliteModel implements AutoCloseable {

    private final FlatBufferModel flatBuffer;
    private final BuiltinOpResolver resolver;
    private final InterpreterBuilder builder;
    private final Interpreter interpreter;
    private final ModelSpec spec;
    private final int threads;
    private final ByteBuffer inputBytes;
    private final FloatBuffer inputFloats;
    private boolean closed;

    private TfliteModel(FlatBufferModel flatBuffer, BuiltinOpResolver resolver, InterpreterBuilder builder,
            Interpreter interpreter, ModelSpec spec, int threads) {
        this.flatBuffer = flatBuffer;
        this.resolver = resolver;
        this.builder = builder;
        this.interpreter = interpreter;
        this.spec = spec;
        this.threads = threads;
        // The input tensor's memory stays put from AllocateTensors() until the interpreter is closed.
        TfLiteTensor input = interpreter.input_tensor(0);
        if (spec.input().type() == TensorType.FLOAT32) {
            this.inputBytes = null;
            this.inputFloats = input.data().f().capacity(spec.input().elementCount()).asBuffer();
        } else {
            BytePointer data = spec.input().type() == TensorType.INT8 ? input.data().int8() : input.data().uint8();
            this.inputBytes = data.capacity(spec.input().elementCount()).asBuffer();
            this.inputFloats = null;
        }
    }

    /**
     * Loads and validates a detection model with the built-in op resolver (which runs
     * {@code TFLite_Detection_PostProcess} and applies the default XNNPACK delegate where it can).
     *
     * @param file    the {@code .tflite} file
     * @param threads interpreter threads, 1..64, set on the builder before building
     * @return the loaded model; the caller closes it
     * @throws DetectorException if the file is missing or not a flatbuffer, the interpreter cannot be built or
     *                           allocated, or the model is not a supported detection model (see {@link ModelSpec})
     */
    public static TfliteModel load(Path file, int threads) throws DetectorException {
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
        BuiltinOpResolver resolver = new BuiltinOpResolver();
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
                spec = ModelSpec.of(inputs(interpreter), outputs(interpreter), customOps(interpreter));
            } catch (DetectorException e) {
                throw new DetectorException(file + " is not a detection model: " + e.getMessage(), e);
            }
            return new TfliteModel(flatBuffer, resolver, builder, interpreter, spec, threads);
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

    /** @return the input tensor's memory for UINT8/INT8 input (absolute puts), null for FLOAT32 input */
    public ByteBuffer inputBytes() {
        return inputBytes;
    }

    /** @return the input tensor's memory for FLOAT32 input (absolute puts), null for UINT8/INT8 input */
    public FloatBuffer inputFloats() {
        return inputFloats;
    }

    /**
     * Runs the model on the input written into {@link #inputBytes()} or {@link #inputFloats()}.
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
     * Copies the detection outputs of the last {@link #invoke()}.
     *
     * @param boxes   receives {@code 4 * N} values, {@code ymin, xmin, ymax, xmax} per slot
     * @param classes receives {@code N} class indexes
     * @param scores  receives {@code N} scores
     * @return the number of valid detections the model reports, not clamped
     * @throws IllegalStateException if the model is closed
     */
    public int readOutputs(float[] boxes, float[] classes, float[] scores) {
        checkOpen();
        DetectionOutputs o = spec.outputs();
        int n = o.maxDetections();
        interpreter.typed_output_tensor_float(o.boxes()).get(boxes, 0, 4 * n);
        interpreter.typed_output_tensor_float(o.classes()).get(classes, 0, n);
        interpreter.typed_output_tensor_float(o.scores()).get(scores, 0, n);
        return (int) interpreter.typed_output_tensor_float(o.count()).get(0);
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

    private static List<TensorInfo> inputs(Interpreter interpreter) {
        List<TensorInfo> list = new ArrayList<>();
        for (int i = 0; i < interpreter.inputs().limit(); i++) {
            list.add(info(interpreter.input_tensor(i)));
        }
        return list;
    }

    private static List<TensorInfo> outputs(Interpreter interpreter) {
        List<TensorInfo> list = new ArrayList<>();
        for (int i = 0; i < interpreter.outputs().limit(); i++) {
            list.add(info(interpreter.output_tensor(i)));
        }
        return list;
    }

    /** Names of the custom ops among the graph's nodes (delegate kernels appear here too). */
    private static Set<String> customOps(Interpreter interpreter) {
        Set<String> names = new LinkedHashSet<>();
        for (int n = 0; n < interpreter.nodes_size(); n++) {
            TfLiteRegistration registration = interpreter.node_and_registration(n).second();
            BytePointer name = registration == null ? null : registration.custom_name();
            if (name != null && !name.isNull()) {
                names.add(name.getString());
            }
        }
        return names;
    }

    private static TensorInfo info(TfLiteTensor tensor) {
        TfLiteIntArray dims = tensor.dims();
        List<Integer> shape = new ArrayList<>(dims.size());
        for (int d = 0; d < dims.size(); d++) {
            shape.add(dims.data(d));
        }
        BytePointer name = tensor.name();
        return new TensorInfo(name == null ? "" : name.getString(), shape, type(tensor.type()),
                tensor.params().scale(), tensor.params().zero_point());
    }

    private static TensorType type(int code) {
        if (code == kTfLiteFloat32) {
            return TensorType.FLOAT32;
        } else if (code == kTfLiteUInt8) {
            return TensorType.UINT8;
        } else if (code == kTfLiteInt8) {
            return TensorType.INT8;
        } else if (code == kTfLiteInt32) {
            return TensorType.INT32;
        } else if (code == kTfLiteInt64) {
            return TensorType.INT64;
        } else if (code == kTfLiteInt16) {
            return TensorType.INT16;
        } else if (code == kTfLiteFloat16) {
            return TensorType.FLOAT16;
        } else if (code == kTfLiteString) {
            return TensorType.STRING;
        } else if (code == kTfLiteBool) {
            return TensorType.BOOL;
        }
        return TensorType.OTHER;
    }
}
