package org.bakusoku.model.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;
import org.tensorflow.lite.schema.TensorType;

import com.google.flatbuffers.FlatBufferBuilder;
import com.google.flatbuffers.FlexBuffersBuilder;

/**
 * Writes small, valid {@code .tflite} files with FlatBuffers and the TFLite schema, with outputs known in advance.
 *
 * <p>{@link #detector} is a complete SSD detector of a few hundred bytes: an image input, constant box encodings,
 * class predictions and anchors, and the {@code TFLite_Detection_PostProcess} op. The image does not influence the
 * result: with zero box encodings the op decodes each box to its anchor, so the model always reports one detection
 * of a chosen class, score and box (the op's decoding: {@code tensorflow/lite/kernels/detection_postprocess.cc}).
 */
public final class TinyModels {

    /** The one detection every {@link #detector} reports: ymin, xmin, ymax, xmax. */
    public static final float[] BOX = {0.3f, 0.4f, 0.7f, 0.6f};
    /** The anchor of that box: y centre, x centre, height, width. */
    private static final float[] ANCHOR = {0.5f, 0.5f, 0.4f, 0.2f};

    private TinyModels() {
    }

    /**
     * @param side       input height and width, pixels
     * @param inputType  {@link TensorType#UINT8} or {@link TensorType#FLOAT32}...
     * @param numClasses classes without background
     * @param classId    the class of the one detection, 0..numClasses-1
     * @param score      its score, 0..1
     * @return the model file
     */
    public static byte[] detector(int side, byte inputType, int numClasses, int classId, float score) {
        Graph g = new Graph();
        int image = g.tensor("image", inputType, new int[] {1, side, side, 3}, null);
        int boxes = g.tensor("box_encodings", TensorType.FLOAT32, new int[] {1, 2, 4}, floats(new float[8]));
        float[] classes = new float[2 * (numClasses + 1)];
        classes[1 + classId] = score; // anchor 0; column 0 is the background
        int predictions = g.tensor("class_predictions", TensorType.FLOAT32, new int[] {1, 2, numClasses + 1},
                floats(classes));
        float[] anchors = {ANCHOR[0], ANCHOR[1], ANCHOR[2], ANCHOR[3], 0.2f, 0.2f, 0.1f, 0.1f};
        int anchorTensor = g.tensor("anchors", TensorType.FLOAT32, new int[] {2, 4}, floats(anchors));
        int[] outputs = new int[4];
        String[] names = {"TFLite_Detection_PostProcess", "TFLite_Detection_PostProcess:1",
            "TFLite_Detection_PostProcess:2", "TFLite_Detection_PostProcess:3"};
        for (int i = 0; i < 4; i++) {
            outputs[i] = g.tensor(names[i], TensorType.FLOAT32, new int[0], null);
        }
        int post = g.opCode(BuiltinOperator.CUSTOM, "TFLite_Detection_PostProcess", 1);
        g.op(post, new int[] {boxes, predictions, anchorTensor}, outputs, postProcessOptions(numClasses, 3));
        return g.build(new int[] {image}, outputs);
    }

    /** @return a tiny "classifier": image [1,8,8,3] UINT8 reshaped to one [1,192] output */
    public static byte[] classifier() {
        Graph g = new Graph();
        int image = g.tensor("image", TensorType.UINT8, new int[] {1, 8, 8, 3}, null);
        int shape = g.tensor("new_shape", TensorType.INT32, new int[] {2}, ints(1, 192));
        int out = g.tensor("logits", TensorType.UINT8, new int[] {1, 192}, null);
        g.op(g.opCode(BuiltinOperator.RESHAPE, null, 1), new int[] {image, shape}, new int[] {out}, null);
        return g.build(new int[] {image}, new int[] {out});
    }

    /**
     * A detector whose box encodings come out of a RESHAPE op of the given version: version 1 runs, a version
     * TFLite does not register (e.g. 99) makes building the interpreter fail ("Didn't find op for builtin opcode").
     *
     * @param reshapeVersion the RESHAPE op's version
     * @param customOp       name of an extra custom op before the post-process, or null for none
     * @return the model file
     */
    public static byte[] detectorWithOps(int reshapeVersion, String customOp) {
        Graph g = new Graph();
        int image = g.tensor("image", TensorType.UINT8, new int[] {1, 16, 16, 3}, null);
        int flat = g.tensor("flat_boxes", TensorType.FLOAT32, new int[] {8}, floats(new float[8]));
        int shape = g.tensor("shape", TensorType.INT32, new int[] {3}, ints(1, 2, 4));
        int boxes = g.tensor("box_encodings", TensorType.FLOAT32, new int[] {1, 2, 4}, null);
        int predictions = g.tensor("class_predictions", TensorType.FLOAT32, new int[] {1, 2, 2},
                floats(new float[] {0f, 0.9f, 0f, 0f}));
        int anchors = g.tensor("anchors", TensorType.FLOAT32, new int[] {2, 4},
                floats(new float[] {0.5f, 0.5f, 0.4f, 0.2f, 0.2f, 0.2f, 0.1f, 0.1f}));
        int[] outputs = new int[4];
        for (int i = 0; i < 4; i++) {
            outputs[i] = g.tensor("TFLite_Detection_PostProcess" + (i == 0 ? "" : ":" + i), TensorType.FLOAT32,
                    new int[0], null);
        }
        g.op(g.opCode(BuiltinOperator.RESHAPE, null, reshapeVersion), new int[] {flat, shape}, new int[] {boxes},
                null);
        int post = g.opCode(BuiltinOperator.CUSTOM, "TFLite_Detection_PostProcess", 1);
        int predictionsIn = predictions;
        if (customOp != null) {
            predictionsIn = g.tensor("custom_out", TensorType.FLOAT32, new int[] {1, 2, 2}, null);
            g.op(g.opCode(BuiltinOperator.CUSTOM, customOp, 1), new int[] {predictions}, new int[] {predictionsIn},
                    null);
        }
        g.op(post, new int[] {boxes, predictionsIn, anchors}, outputs, postProcessOptions(1, 3));
        return g.build(new int[] {image}, outputs);
    }

    /** The options the post-process kernel's Init reads, as a FlexBuffers map. */
    static byte[] postProcessOptions(int numClasses, int maxDetections) {
        FlexBuffersBuilder fbb = new FlexBuffersBuilder(ByteBuffer.allocate(512),
                FlexBuffersBuilder.BUILDER_FLAG_SHARE_KEYS_AND_STRINGS);
        int start = fbb.startMap();
        fbb.putInt("max_detections", maxDetections);
        fbb.putInt("max_classes_per_detection", 1);
        fbb.putInt("detections_per_class", 100);
        fbb.putBoolean("use_regular_nms", false);
        fbb.putFloat("nms_score_threshold", 0.01f);
        fbb.putFloat("nms_iou_threshold", 0.6f);
        fbb.putInt("num_classes", numClasses);
        fbb.putFloat("y_scale", 10f);
        fbb.putFloat("x_scale", 10f);
        fbb.putFloat("h_scale", 5f);
        fbb.putFloat("w_scale", 5f);
        fbb.endMap(null, start);
        ByteBuffer bb = fbb.finish();
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        return out;
    }

    private static byte[] floats(float[] values) {
        ByteBuffer bb = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bb.putFloat(v);
        }
        return bb.array();
    }

    private static byte[] ints(int... values) {
        ByteBuffer bb = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            bb.putInt(v);
        }
        return bb.array();
    }

    /** A single-subgraph model under construction; buffer 0 stays empty, as converters write it. */
    private static final class Graph {
        private record TensorDef(String name, byte type, int[] shape, int buffer) {
        }

        private record OpCodeDef(int builtin, String custom, int version) {
        }

        private record OpDef(int opcode, int[] inputs, int[] outputs, byte[] customOptions) {
        }

        private final List<TensorDef> tensors = new ArrayList<>();
        private final List<byte[]> buffers = new ArrayList<>(List.of(new byte[0]));
        private final List<OpCodeDef> opCodes = new ArrayList<>();
        private final List<OpDef> ops = new ArrayList<>();

        int tensor(String name, byte type, int[] shape, byte[] data) {
            int buffer = 0;
            if (data != null) {
                buffers.add(data);
                buffer = buffers.size() - 1;
            }
            tensors.add(new TensorDef(name, type, shape, buffer));
            return tensors.size() - 1;
        }

        int opCode(int builtin, String custom, int version) {
            opCodes.add(new OpCodeDef(builtin, custom, version));
            return opCodes.size() - 1;
        }

        void op(int opcode, int[] inputs, int[] outputs, byte[] customOptions) {
            ops.add(new OpDef(opcode, inputs, outputs, customOptions));
        }

        byte[] build(int[] inputs, int[] outputs) {
            FlatBufferBuilder b = new FlatBufferBuilder(1024);
            int[] tensorOffsets = new int[tensors.size()];
            for (int i = 0; i < tensors.size(); i++) {
                TensorDef t = tensors.get(i);
                int name = b.createString(t.name());
                int shape = Tensor.createShapeVector(b, t.shape());
                Tensor.startTensor(b);
                Tensor.addShape(b, shape);
                Tensor.addType(b, t.type());
                Tensor.addBuffer(b, t.buffer());
                Tensor.addName(b, name);
                tensorOffsets[i] = Tensor.endTensor(b);
            }
            int[] opOffsets = new int[ops.size()];
            for (int i = 0; i < ops.size(); i++) {
                OpDef op = ops.get(i);
                int in = Operator.createInputsVector(b, op.inputs());
                int out = Operator.createOutputsVector(b, op.outputs());
                int options = op.customOptions() == null ? 0 : Operator.createCustomOptionsVector(b, op.customOptions());
                Operator.startOperator(b);
                Operator.addOpcodeIndex(b, op.opcode());
                Operator.addInputs(b, in);
                Operator.addOutputs(b, out);
                if (options != 0) {
                    Operator.addCustomOptions(b, options);
                }
                opOffsets[i] = Operator.endOperator(b);
            }
            int subgraph = SubGraph.createSubGraph(b, SubGraph.createTensorsVector(b, tensorOffsets),
                    SubGraph.createInputsVector(b, inputs), SubGraph.createOutputsVector(b, outputs),
                    SubGraph.createOperatorsVector(b, opOffsets), b.createString("main"));
            int[] codeOffsets = new int[opCodes.size()];
            for (int i = 0; i < opCodes.size(); i++) {
                OpCodeDef c = opCodes.get(i);
                int custom = c.custom() == null ? 0 : b.createString(c.custom());
                codeOffsets[i] = OperatorCode.createOperatorCode(b, (byte) Math.min(c.builtin(), 127), custom,
                        c.version(), c.builtin());
            }
            int[] bufferOffsets = new int[buffers.size()];
            for (int i = 0; i < buffers.size(); i++) {
                b.forceDefaults(false);
                int data = buffers.get(i).length == 0 ? 0 : Buffer.createDataVector(b, buffers.get(i));
                bufferOffsets[i] = Buffer.createBuffer(b, data);
            }
            int model = Model.createModel(b, 3, Model.createOperatorCodesVector(b, codeOffsets),
                    Model.createSubgraphsVector(b, new int[] {subgraph}), b.createString("Bakusoku test model"),
                    Model.createBuffersVector(b, bufferOffsets), 0, 0, 0);
            Model.finishModelBuffer(b, model);
            return b.sizedByteArray();
        }
    }
}
