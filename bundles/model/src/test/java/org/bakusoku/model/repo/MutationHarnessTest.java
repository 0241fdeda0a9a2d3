package org.bakusoku.model.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bakusoku.model.ModelException;
import org.bakusoku.model.ModelManifest;
import org.bakusoku.model.isolate.ChildValidator;
import org.bakusoku.model.isolate.child.ValidatorMain;
import org.bakusoku.model.store.ModelStore;
import org.bakusoku.model.testing.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation harness: truncated and corrupted variants of the real COCO model go through the whole install path
 * (structural check, then a real child JVM on a real photo). Every variant must end in a defined outcome, the test
 * JVM (standing in for the appliance) must survive them all, and the original must still validate afterwards.
 *
 * <p>{@code -Dbakusoku.fuzz.variants=N} sets the count (56 by default; the {@code fuzz-models} profile runs 1000).
 * The counts are printed and written to {@code target/fuzz-models.txt}.
 */
class MutationHarnessTest {

    private static final Pattern TOP = Pattern.compile("top=([^:]+):");

    @TempDir
    Path data;

    @Test
    void everyMutatedModelEndsInADefinedOutcomeAndNeverHurtsThisProcess() throws Exception {
        int variants = Integer.getInteger("bakusoku.fuzz.variants", 56);
        byte[] original = Shared.modelBytes(Shared.COCO);
        byte[] labels = Shared.labelBytes(Shared.COCO);
        Path frame = Shared.ppm("darknet_dog.jpg", Files.createDirectories(data.resolve("frames")));
        ChildValidator child = new ChildValidator(new ChildValidator.Settings(classPath(),
                ValidatorMain.class.getName(), 256, 60_000, 2, data.resolve("work")));
        IsolatedRun isolated = (model, l, progress) -> child.validate(model, l, List.of(frame), progress);
        ModelRepositoryCore repo = new ModelRepositoryCore(ModelStore.open(data.resolve("models")),
                new Fakes.Detector(), isolated, () -> new RepositorySettings(64L << 20, 3, 10_000),
                new Fakes.ManualScheduler(), (t, p) -> { }, System::currentTimeMillis);
        String expectedTop = top(repo.install(new ByteArrayInputStream(original), new ByteArrayInputStream(labels),
                "original"));

        Map<String, Integer> outcomes = new TreeMap<>();
        // The suite's run aims at the structure (most refusals happen in Java, few child JVMs); the fuzz-models run
        // adds the two kinds that mostly hit weights, each of which costs a child JVM.
        int[] kinds = variants >= 1000 ? new int[] {0, 1, 2, 3, 4, 5, 6, 7} : new int[] {0, 2, 3, 4, 5, 7};
        for (int i = 0; i < variants; i++) {
            Mutation m = mutate(original, new Random(1000L + i), kinds[i % kinds.length]);
            String outcome;
            try {
                ModelManifest accepted = repo.install(new ByteArrayInputStream(m.bytes()),
                        new ByteArrayInputStream(labels), "variant " + i);
                assertThat(accepted.validation().invokeMs()).as("accepted variants ran in the child").isPositive();
                outcome = expectedTop.equals(top(accepted)) ? "accepted, same top detection"
                        : "accepted, different top detection";
                repo.delete(accepted.id());
            } catch (ModelException e) {
                outcome = classify(e);
            }
            outcomes.merge(m.kind() + " -> " + outcome, 1, Integer::sum);
        }

        String report = report(variants, outcomes);
        System.out.println(report);
        Files.writeString(Path.of("target", "fuzz-models.txt"), report, StandardCharsets.UTF_8);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(variants);
        assertThat(outcomes.keySet()).noneMatch(k -> k.endsWith("storage error"));
        ModelManifest original2 = repo.validate(repo.list().get(0).id());
        assertThat(top(original2)).as("the original still runs after the harness").isEqualTo(expectedTop);
    }

    /** One mutated file. */
    record Mutation(String kind, byte[] bytes) {
    }

    /**
     * Makes one mutation of a kind 0..7; the random source gives positions and values. Most kinds aim at the flatbuffer's own structure (shapes, tensor indexes, vector lengths: positions found through the
     * schema classes), where a broken model is most dangerous for native code; two kinds hit anywhere.
     */
    static Mutation mutate(byte[] original, Random random, int kind) {
        byte[] b = original.clone();
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        Layout layout = Layout.of(original);
        int n = b.length;
        return switch (kind) {
            case 0 -> new Mutation("truncated", Arrays.copyOf(b, random.nextInt(n)));
            case 1 -> {
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    int pos = random.nextInt(n);
                    b[pos] ^= (byte) (1 << random.nextInt(8));
                }
                yield new Mutation("bit flips anywhere", b);
            }
            case 2 -> {
                int pos = pick(layout.shapeDims(), random);
                int[] values = {0, -1, 1, 2, 3, 7, 300, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE};
                le.putInt(pos, values[random.nextInt(values.length)]);
                yield new Mutation("tensor dimension changed", b);
            }
            case 3 -> {
                le.putInt(pick(layout.operatorTensors(), random), random.nextInt(layout.tensorCount() * 2) - 2);
                yield new Mutation("operator tensor index changed", b);
            }
            case 4 -> {
                int pos = pick(layout.bufferLengths(), random);
                le.putInt(pos, le.getInt(pos) + 1 + random.nextInt(1 << 20));
                yield new Mutation("data buffer length inflated", b);
            }
            case 5 -> {
                le.putInt(pick(layout.vectorLengths(), random), random.nextInt());
                yield new Mutation("vector length set to random", b);
            }
            case 6 -> {
                int pos = random.nextInt(n - 256);
                Arrays.fill(b, pos, pos + 256, (byte) 0);
                yield new Mutation("256 bytes zeroed", b);
            }
            default -> {
                le.putInt(pick(layout.graphIo(), random), random.nextInt(layout.tensorCount() + 4) - 2);
                yield new Mutation("graph input/output index changed", b);
            }
        };
    }

    private static int pick(List<Integer> positions, Random random) {
        return positions.get(random.nextInt(positions.size()));
    }

    /** Byte positions of structural fields in a model, found with the generated schema classes. */
    record Layout(int tensorCount, List<Integer> shapeDims, List<Integer> operatorTensors, List<Integer> bufferLengths,
            List<Integer> vectorLengths, List<Integer> graphIo) {

        static Layout of(byte[] model) {
            ByteBuffer bb = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN);
            org.tensorflow.lite.schema.Model m = org.tensorflow.lite.schema.Model.getRootAsModel(bb);
            org.tensorflow.lite.schema.SubGraph g = m.subgraphs(0);
            List<Integer> dims = new ArrayList<>();
            List<Integer> lengths = new ArrayList<>();
            for (int t = 0; t < g.tensorsLength(); t++) {
                ByteBuffer shape = g.tensors(t).shapeAsByteBuffer();
                if (shape != null) {
                    lengths.add(shape.position() - 4);
                    for (int d = 0; d < shape.remaining() / 4; d++) {
                        dims.add(shape.position() + 4 * d);
                    }
                }
            }
            List<Integer> opTensors = new ArrayList<>();
            for (int o = 0; o < g.operatorsLength(); o++) {
                for (ByteBuffer v : new ByteBuffer[] {g.operators(o).inputsAsByteBuffer(),
                    g.operators(o).outputsAsByteBuffer()}) {
                    lengths.add(v.position() - 4);
                    for (int k = 0; k < v.remaining() / 4; k++) {
                        opTensors.add(v.position() + 4 * k);
                    }
                }
            }
            List<Integer> buffers = new ArrayList<>();
            for (int i = 0; i < m.buffersLength(); i++) {
                ByteBuffer data = m.buffers(i).dataAsByteBuffer();
                if (data != null && data.remaining() > 0) {
                    buffers.add(data.position() - 4);
                }
            }
            List<Integer> io = new ArrayList<>();
            for (ByteBuffer v : new ByteBuffer[] {g.inputsAsByteBuffer(), g.outputsAsByteBuffer()}) {
                for (int k = 0; k < v.remaining() / 4; k++) {
                    io.add(v.position() + 4 * k);
                }
            }
            lengths.addAll(buffers);
            return new Layout(g.tensorsLength(), dims, opTensors, buffers, lengths, io);
        }
    }

    private static String classify(ModelException e) {
        String m = e.getMessage();
        if (m.contains("crashed")) {
            return "refused: child crashed";
        } else if (m.contains("did not finish")) {
            return "refused: child timed out";
        } else if (m.startsWith("the model failed its test run")) {
            return "refused by the child run";
        } else if (e.reason() == ModelException.Reason.ALREADY_INSTALLED) {
            return "identical to an installed model";
        } else if (e.reason() == ModelException.Reason.STORAGE) {
            return "storage error";
        }
        return "refused by the structural check";
    }

    private static String top(ModelManifest m) {
        Matcher matcher = TOP.matcher(m.validation().message());
        return matcher.find() ? matcher.group(1) : "-";
    }

    private static String report(int variants, Map<String, Integer> outcomes) {
        Map<String, Integer> totals = new TreeMap<>();
        outcomes.forEach((k, v) -> totals.merge(k.substring(k.indexOf(" -> ") + 4), v, Integer::sum));
        StringBuilder s = new StringBuilder("fuzz-models: " + variants + " variants of " + Shared.COCO + "\n");
        totals.forEach((k, v) -> s.append(String.format("  %-40s %5d%n", k, v)));
        s.append("by mutation:\n");
        outcomes.forEach((k, v) -> s.append(String.format("  %-80s %5d%n", k, v)));
        return s.toString();
    }

    private static List<Path> classPath() {
        List<Path> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(System.getProperty("path.separator"))) {
            cp.add(Path.of(e));
        }
        return cp;
    }
}
