package org.bakusoku.detect.tflite;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteBool;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteBuiltinDelegate;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteFloat16;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteFloat32;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteInt16;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteInt32;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteInt64;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteInt8;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteString;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteUInt8;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.RegistrationNodePair;
import org.bytedeco.tensorflowlite.TfLiteDelegateParams;
import org.bytedeco.tensorflowlite.TfLiteIntArray;
import org.bytedeco.tensorflowlite.TfLiteRegistration;
import org.bytedeco.tensorflowlite.TfLiteTensor;

/** Reads what an interpreter says about its tensors, operators and delegate partitions into plain Java. */
final class Tensors {

    private Tensors() {
    }

    static List<TensorInfo> inputs(Interpreter interpreter) {
        List<TensorInfo> list = new ArrayList<>();
        for (int i = 0; i < interpreter.inputs().limit(); i++) {
            list.add(info(interpreter.input_tensor(i)));
        }
        return list;
    }

    static List<TensorInfo> outputs(Interpreter interpreter) {
        List<TensorInfo> list = new ArrayList<>();
        for (int i = 0; i < interpreter.outputs().limit(); i++) {
            list.add(info(interpreter.output_tensor(i)));
        }
        return list;
    }

    /** Names of the custom ops among the graph's nodes (delegate kernels appear here too). */
    static Set<String> customOps(Interpreter interpreter) {
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

    /**
     * Counts the nodes a delegate took over. {@code ModifyGraphWithDelegate} appends one kernel node per delegated
     * partition (builtin code {@code kTfLiteBuiltinDelegate}) whose builtin data is the partition's
     * {@code TfLiteDelegateParams}, and leaves the original nodes in place outside the execution plan
     * ({@code tensorflow/lite/core/subgraph.cc}, {@code ReplaceNodeSubsetsWithDelegateKernels}).
     *
     * @param interpreter an interpreter after {@code AllocateTensors()} (lazy delegates are applied there)
     * @param delegate    the delegate's name for the log, e.g. {@code "XNNPACK"}
     * @return taken and total graph nodes
     */
    static Delegation delegation(Interpreter interpreter, String delegate) {
        int partitions = 0;
        int taken = 0;
        long nodes = interpreter.nodes_size();
        for (int n = 0; n < nodes; n++) {
            RegistrationNodePair pair = interpreter.node_and_registration(n);
            if (pair.second() != null && pair.second().builtin_code() == kTfLiteBuiltinDelegate) {
                partitions++;
                taken += new TfLiteDelegateParams(pair.first().builtin_data()).nodes_to_replace().size();
            }
        }
        return new Delegation(delegate, taken, (int) nodes - partitions, partitions);
    }

    static TensorInfo info(TfLiteTensor tensor) {
        TfLiteIntArray dims = tensor.dims();
        List<Integer> shape = new ArrayList<>(dims.size());
        for (int d = 0; d < dims.size(); d++) {
            shape.add(dims.data(d));
        }
        BytePointer name = tensor.name();
        return new TensorInfo(name == null ? "" : name.getString(), shape, type(tensor.type()),
                tensor.params().scale(), tensor.params().zero_point());
    }

    static TensorType type(int code) {
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
        } else if (code == kTfLiteBool) {
            return TensorType.BOOL;
        } else if (code == kTfLiteString) {
            return TensorType.STRING;
        }
        return TensorType.OTHER;
    }
}
