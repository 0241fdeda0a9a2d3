package org.bakusoku.model.check;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bakusoku.model.ModelInput;
import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;
import org.tensorflow.lite.schema.TensorType;

/**
 * What a {@code .tflite} file says about itself, read with the TFLite flatbuffer schema
 * ({@code tensorflow/lite/schema/schema.fbs}) without TensorFlow Lite: no native code runs on the file here.
 *
 * <p>{@link #parse(ByteBuffer)} checks every offset it follows against the file size (the generated Java accessors
 * do not verify the buffer, a truncated file would read garbage or throw deep inside them) and rejects, in this
 * order: a file that is not a flatbuffer with identifier {@code TFL3}, a model without exactly one subgraph, tensor,
 * buffer and operator references out of range, constant data that does not fit its tensor. What a detector needs on
 * top of that is judged by {@link DetectorShape}.
 *
 * @param schemaVersion the model's schema version (3 for current converters)
 * @param inputs        the subgraph's input tensors
 * @param outputs       the subgraph's output tensors
 * @param operators     how often each operator occurs, by name ({@code CONV_2D}, or the custom op's name)
 * @param customOps     names of the custom operators used
 * @param postProcess   options of the {@code TFLite_Detection_PostProcess} op, or null when the model has none
 */
public record TfliteStructure(long schemaVersion, List<TensorSpec> inputs, List<TensorSpec> outputs,
        Map<String, Integer> operators, List<String> customOps, PostProcessOptions postProcess) {

    /** The TFLite flatbuffer file identifier, bytes 4..7 of every model. */
    public static final String IDENTIFIER = "TFL3";

    /**
     * One input or output tensor.
     *
     * @param index position among the subgraph's tensors
     * @param name  tensor name
     * @param shape dimensions; empty for outputs whose shape the op sets when the graph is prepared (the
     *              post-process op's outputs are stored so)
     * @param type  element type as the schema names it ({@code FLOAT32}, {@code UINT8}, ...)
     */
    public record TensorSpec(int index, String name, List<Integer> shape, String type) {

        /** @return e.g. {@code 'scores' [1,10] FLOAT32} */
        public String describe() {
            return "'" + name + "' " + shapeText() + " " + type;
        }

        /** @return the shape as TFLite tools print it, e.g. {@code [1,300,300,3]} */
        public String shapeText() {
            return shape.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "[", "]"));
        }

        /**
         * @param dims expected dimensions, negative = any
         * @return true when the shape matches
         */
        public boolean hasShape(int... dims) {
            if (dims.length != shape.size()) {
                return false;
            }
            for (int i = 0; i < dims.length; i++) {
                if (dims[i] >= 0 && dims[i] != shape.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The {@code num_classes} and {@code max_detections} options of {@code TFLite_Detection_PostProcess}.
     *
     * @param numClasses    classes without the background, &gt; 0 in a usable model
     * @param maxDetections detections per frame
     * @param outputs       the op's output tensor indexes: boxes, classes, scores, count
     */
    public record PostProcessOptions(int numClasses, int maxDetections, List<Integer> outputs) {
    }

    /**
     * Reads a model's structure.
     *
     * @param file the whole {@code .tflite} file; position and limit are left unchanged
     * @return the structure
     * @throws StructureException with a plain reason when the file is not a well-formed single-subgraph TFLite
     *                            model
     */
    public static TfliteStructure parse(ByteBuffer file) throws StructureException {
        ByteBuffer bb = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        bb.position(0);
        FileKind.check(bb);
        try {
            return new Reader(bb).read();
        } catch (IndexOutOfBoundsException | IllegalArgumentException | java.nio.BufferUnderflowException
                | ArithmeticException | NegativeArraySizeException e) {
            throw new StructureException("the model file is truncated or corrupt: a flatbuffer offset points outside"
                    + " the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Walks the flatbuffer with bounds checks; one instance per parse. */
    private static final class Reader {
        private final ByteBuffer bb;
        private final int size;

        Reader(ByteBuffer bb) {
            this.bb = bb;
            this.size = bb.limit();
        }

        TfliteStructure read() throws StructureException {
            int root = bb.getInt(0);
            if (root < 8 || root > size - 4) {
                throw new StructureException("the model file is truncated or corrupt: its root table offset " + root
                        + " lies outside the " + size + "-byte file");
            }
            Model model = Model.getRootAsModel(bb);
            int subgraphs = count(model.subgraphsLength(), "subgraphs");
            if (subgraphs != 1) {
                throw new StructureException(subgraphs == 0 ? "the model has no subgraph (no graph to run)"
                        : "the model has " + subgraphs + " subgraphs; a detection model has exactly one");
            }
            int bufferCount = count(model.buffersLength(), "buffers");
            List<Integer> bufferSizes = new ArrayList<>(bufferCount);
            for (int i = 0; i < bufferCount; i++) {
                Buffer buffer = model.buffers(i);
                ByteBuffer data = buffer == null ? null : buffer.dataAsByteBuffer();
                bufferSizes.add(data == null ? 0 : data.remaining());
            }
            List<String> opNames = operatorNames(model);
            SubGraph graph = model.subgraphs(0);
            int tensorCount = count(graph.tensorsLength(), "tensors");
            List<TensorSpec> tensors = new ArrayList<>(tensorCount);
            for (int i = 0; i < tensorCount; i++) {
                tensors.add(tensor(graph.tensors(i), i, bufferSizes));
            }
            List<TensorSpec> inputs = pick(tensors, graph.inputsLength(), graph::inputs, "input");
            List<TensorSpec> outputs = pick(tensors, graph.outputsLength(), graph::outputs, "output");
            Map<String, Integer> operators = new LinkedHashMap<>();
            List<String> customOps = new ArrayList<>();
            PostProcessOptions postProcess = null;
            int operatorCount = count(graph.operatorsLength(), "operators");
            for (int i = 0; i < operatorCount; i++) {
                Operator op = graph.operators(i);
                long index = op.opcodeIndex();
                if (index < 0 || index >= opNames.size()) {
                    throw new StructureException("operator " + i + " refers to operator code " + index + " but the"
                            + " model declares " + opNames.size() + ": the file is corrupt");
                }
                checkTensorRefs(op.inputsLength(), op::inputs, tensorCount, i);
                checkTensorRefs(op.outputsLength(), op::outputs, tensorCount, i);
                String name = opNames.get((int) index);
                operators.merge(name, 1, Integer::sum);
                if (isCustom(model.operatorCodes((int) index)) && !customOps.contains(name)) {
                    customOps.add(name);
                }
                if (DetectorShape.POST_PROCESS_OP.equals(name)) {
                    List<Integer> opOutputs = new ArrayList<>();
                    for (int o = 0; o < op.outputsLength(); o++) {
                        opOutputs.add(op.outputs(o));
                    }
                    postProcess = PostProcessParser.parse(op.customOptionsAsByteBuffer(), opOutputs);
                }
            }
            return new TfliteStructure(model.version(), inputs, outputs, Collections.unmodifiableMap(operators),
                    List.copyOf(customOps), postProcess);
        }

        /** A vector length read from the file: each element takes at least 4 bytes, so it cannot exceed size/4. */
        private int count(int length, String what) throws StructureException {
            if (length < 0 || length > size / 4) {
                throw new StructureException("the model file is truncated or corrupt: it claims " + length + " "
                        + what + " in " + size + " bytes");
            }
            return length;
        }

        private List<String> operatorNames(Model model) throws StructureException {
            int n = count(model.operatorCodesLength(), "operator codes");
            List<String> names = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                OperatorCode code = model.operatorCodes(i);
                if (isCustom(code)) {
                    String custom = code.customCode();
                    names.add(custom == null || custom.isBlank() ? "CUSTOM" : custom);
                } else {
                    names.add(builtinName(builtinCode(code)));
                }
            }
            return names;
        }

        private TensorSpec tensor(Tensor t, int index, List<Integer> bufferSizes) throws StructureException {
            int rank = count(t.shapeLength(), "dimensions");
            List<Integer> shape = new ArrayList<>(rank);
            long elements = 1;
            for (int d = 0; d < rank; d++) {
                int dim = t.shape(d);
                shape.add(dim);
                elements = dim < 0 ? -1 : elements < 0 ? -1 : Math.min(elements * dim, Integer.MAX_VALUE);
            }
            String name = t.name() == null ? "#" + index : t.name();
            long buffer = t.buffer();
            if (buffer < 0 || buffer >= Math.max(1, bufferSizes.size())) {
                throw new StructureException("tensor '" + name + "' refers to data buffer " + buffer + " but the model"
                        + " has " + bufferSizes.size() + ": the file is corrupt");
            }
            int bytes = buffer < bufferSizes.size() ? bufferSizes.get((int) buffer) : 0;
            int elementSize = elementSize(t.type());
            if (bytes > 0 && elementSize > 0 && elements >= 0 && bytes != elements * elementSize) {
                throw new StructureException("tensor '" + name + "' " + shape.toString().replace(" ", "") + " needs " + elements * elementSize
                        + " bytes of constant data but its buffer holds " + bytes + ": the file is corrupt");
            }
            return new TensorSpec(index, name, List.copyOf(shape), typeName(t.type()));
        }

        private List<TensorSpec> pick(List<TensorSpec> tensors, int length, java.util.function.IntUnaryOperator at,
                String what) throws StructureException {
            int n = count(length, what + "s");
            List<TensorSpec> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = at.applyAsInt(i);
                if (index < 0 || index >= tensors.size()) {
                    throw new StructureException("graph " + what + " " + i + " refers to tensor " + index + " but the"
                            + " graph has " + tensors.size() + ": the file is corrupt");
                }
                out.add(tensors.get(index));
            }
            return List.copyOf(out);
        }

        private void checkTensorRefs(int length, java.util.function.IntUnaryOperator at, int tensorCount, int op)
                throws StructureException {
            int n = count(length, "operator tensors");
            for (int i = 0; i < n; i++) {
                int index = at.applyAsInt(i);
                // -1 marks an omitted optional input (schema.fbs, Operator.inputs).
                if (index < -1 || index >= tensorCount) {
                    throw new StructureException("operator " + op + " refers to tensor " + index + " but the graph"
                            + " has " + tensorCount + ": the file is corrupt");
                }
            }
        }
    }

    /** Schema 3a keeps small codes in {@code deprecated_builtin_code} and all codes in {@code builtin_code}. */
    static int builtinCode(OperatorCode code) {
        return Math.max(code.deprecatedBuiltinCode(), code.builtinCode());
    }

    static boolean isCustom(OperatorCode code) {
        return builtinCode(code) == BuiltinOperator.CUSTOM;
    }

    static String builtinName(int code) {
        return code >= 0 && code < BuiltinOperator.names.length ? BuiltinOperator.name(code) : "BUILTIN_" + code;
    }

    static String typeName(byte type) {
        return type >= 0 && type < TensorType.names.length ? TensorType.name(type) : "TYPE_" + type;
    }

    /** Bytes per element of the fixed-size types, 0 for strings and types whose size is not a whole byte. */
    static int elementSize(byte type) {
        return switch (type) {
            case TensorType.FLOAT32, TensorType.INT32, TensorType.UINT32 -> 4;
            case TensorType.FLOAT16, TensorType.INT16, TensorType.UINT16 -> 2;
            case TensorType.UINT8, TensorType.INT8, TensorType.BOOL -> 1;
            case TensorType.INT64, TensorType.UINT64, TensorType.FLOAT64, TensorType.COMPLEX64 -> 8;
            case TensorType.COMPLEX128 -> 16;
            default -> 0;
        };
    }

    /** @return the model's image input as the manifest describes it, assuming {@link DetectorShape} accepted it */
    public ModelInput modelInput() {
        TensorSpec in = inputs.get(0);
        return new ModelInput(in.shape().get(2), in.shape().get(1), in.type());
    }
}
