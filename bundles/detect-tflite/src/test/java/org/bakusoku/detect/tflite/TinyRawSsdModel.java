package org.bakusoku.detect.tflite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.tensorflow.lite.schema.AddOptionsT;
import org.tensorflow.lite.schema.BufferT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.BuiltinOptionsUnion;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.ModelT;
import org.tensorflow.lite.schema.OperatorCodeT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.ReshapeOptionsT;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;

import com.google.flatbuffers.FlatBufferBuilder;

/**
 * Writes a tiny SSD-style {@code .tflite} without the post-process op, whose outputs are known exactly:
 * <pre>
 *   image [1,N,1,3] float --RESHAPE--> [1,N,3] --ADD logits--> class_predictions [1,N,3]
 *   constant encodings [N*4]  --RESHAPE--> box_encodings [1,N,4]
 * </pre>
 * So the box encodings are the constants, and the class logits of anchor {@code a} are the constants plus the
 * normalized pixel values of image row {@code a}. A uniform frame of value 128 with mean 128 adds nothing.
 * Written with the TFLite flatbuffer schema classes generated for Java (tensorflow-lite-metadata) and the
 * FlatBuffers runtime.
 */
final class TinyRawSsdModel {

    static final int ANCHORS = 5;
    static final int COLUMNS = 3; // background + classes "a" and "b"

    /** Per anchor: y_center, x_center, height, width. */
    static final float[][] ANCHOR_BOXES = {
        {0.25f, 0.25f, 0.2f, 0.2f},
        {0.27f, 0.25f, 0.2f, 0.2f},
        {0.25f, 0.27f, 0.2f, 0.2f},
        {0.70f, 0.60f, 0.2f, 0.4f},
        {0.50f, 0.50f, 0.5f, 0.5f}};

    /** Per anchor: ty, tx, th, tw (scale 10, 10, 5, 5). Anchor 3: centre +0.02/-0.08, height x1.5, width x0.5. */
    static final float[] ENCODINGS = {
        0, 0, 0, 0,
        0, 0, 0, 0,
        0, 0, 0, 0,
        1, -2, (float) (5 * Math.log(1.5)), (float) (5 * Math.log(0.5)),
        0, 0, 0, 0};

    /** Per anchor: background, a, b logits. */
    static final float[] LOGITS = {
        5, 2, -3, // a 0.881
        5, 1, -3, // a 0.731, overlaps anchor 0 (IoU 0.82): suppressed
        5, -3, 1.5f, // b 0.818, overlaps anchor 0 but another class: kept
        5, -4, 3, // b 0.953
        5, -0.5f, -2}; // a 0.378: below 0.5 unless image row 4 is bright

    private TinyRawSsdModel() {
    }

    /**
     * Writes {@code model.tflite}, {@code labels.txt} ("a", "b", no background line) and {@code detector.json}
     * (mean 128, std 128, the anchors above, sigmoid scores, background column, IoU 0.5) into a folder.
     *
     * @param dir the folder
     * @return the model file
     * @throws IOException if a file cannot be written
     */
    static Path write(Path dir) throws IOException {
        Path model = dir.resolve("model.tflite");
        Files.write(model, flatbuffer());
        Files.write(dir.resolve("labels.txt"), List.of("a", "b"));
        StringBuilder anchors = new StringBuilder();
        for (float[] a : ANCHOR_BOXES) {
            anchors.append(anchors.length() == 0 ? "" : ", ").append("[").append(a[0]).append(", ").append(a[1])
                    .append(", ").append(a[2]).append(", ").append(a[3]).append("]");
        }
        Files.writeString(dir.resolve(DetectorManifest.FILE_NAME), "{\"input\": {\"mean\": 128, \"std\": 128},"
                + " \"output\": {\"kind\": \"ssd-raw\", \"anchors\": [" + anchors + "], \"scale\": [10, 10, 5, 5],"
                + " \"score\": \"sigmoid\", \"background_class\": true, \"iou_threshold\": 0.5,"
                + " \"max_detections\": 10}}");
        return model;
    }

    private static byte[] flatbuffer() {
        ModelT model = new ModelT();
        model.setVersion(3);
        model.setDescription("bakusoku tiny raw SSD test model");
        model.setOperatorCodes(new OperatorCodeT[] {opcode(BuiltinOperator.RESHAPE), opcode(BuiltinOperator.ADD)});
        model.setBuffers(new BufferT[] {
            buffer(new byte[0]), // 0: the sentinel empty buffer every tensor without data points at
            buffer(ints(1, ANCHORS, COLUMNS)),
            buffer(floats(LOGITS)),
            buffer(floats(ENCODINGS)),
            buffer(ints(1, ANCHORS, 4))});
        SubGraphT graph = new SubGraphT();
        graph.setName("main");
        graph.setTensors(new TensorT[] {
            tensor("image", TensorType.FLOAT32, 0, 1, ANCHORS, 1, COLUMNS),
            tensor("image_shape", TensorType.INT32, 1, 3),
            tensor("image_rows", TensorType.FLOAT32, 0, 1, ANCHORS, COLUMNS),
            tensor("logits", TensorType.FLOAT32, 2, 1, ANCHORS, COLUMNS),
            tensor("class_predictions", TensorType.FLOAT32, 0, 1, ANCHORS, COLUMNS),
            tensor("encodings", TensorType.FLOAT32, 3, ANCHORS * 4),
            tensor("box_shape", TensorType.INT32, 4, 3),
            tensor("box_encodings", TensorType.FLOAT32, 0, 1, ANCHORS, 4)});
        graph.setInputs(new int[] {0});
        graph.setOutputs(new int[] {7, 4});
        graph.setOperators(new OperatorT[] {
            reshape(new int[] {0, 1}, 2, 1, ANCHORS, COLUMNS),
            add(new int[] {2, 3}, 4),
            reshape(new int[] {5, 6}, 7, 1, ANCHORS, 4)});
        model.setSubgraphs(new SubGraphT[] {graph});
        FlatBufferBuilder builder = new FlatBufferBuilder(1024);
        Model.finishModelBuffer(builder, Model.pack(builder, model));
        return builder.sizedByteArray();
    }

    private static OperatorCodeT opcode(int builtin) {
        OperatorCodeT code = new OperatorCodeT();
        code.setBuiltinCode(builtin);
        code.setDeprecatedBuiltinCode((byte) builtin);
        code.setVersion(1);
        return code;
    }

    private static OperatorT reshape(int[] inputs, int output, int... newShape) {
        ReshapeOptionsT options = new ReshapeOptionsT();
        options.setNewShape(newShape);
        BuiltinOptionsUnion union = new BuiltinOptionsUnion();
        union.setType(BuiltinOptions.ReshapeOptions);
        union.setValue(options);
        return operator(0, inputs, output, union);
    }

    private static OperatorT add(int[] inputs, int output) {
        BuiltinOptionsUnion union = new BuiltinOptionsUnion();
        union.setType(BuiltinOptions.AddOptions);
        union.setValue(new AddOptionsT());
        return operator(1, inputs, output, union);
    }

    private static OperatorT operator(int opcode, int[] inputs, int output, BuiltinOptionsUnion options) {
        OperatorT op = new OperatorT();
        op.setOpcodeIndex(opcode);
        op.setInputs(inputs);
        op.setOutputs(new int[] {output});
        op.setBuiltinOptions(options);
        return op;
    }

    private static TensorT tensor(String name, byte type, int buffer, int... shape) {
        TensorT t = new TensorT();
        t.setName(name);
        t.setType(type);
        t.setBuffer(buffer);
        t.setShape(shape);
        return t;
    }

    private static BufferT buffer(byte[] data) {
        int[] unsigned = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            unsigned[i] = data[i] & 0xFF;
        }
        BufferT b = new BufferT();
        b.setData(unsigned);
        return b;
    }

    private static byte[] floats(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        return bytes.array();
    }

    private static byte[] ints(int... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            bytes.putInt(v);
        }
        return bytes.array();
    }
}
