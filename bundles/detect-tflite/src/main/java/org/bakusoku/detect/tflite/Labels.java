package org.bakusoku.detect.tflite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Maps the class index a model outputs to a label from its label file (one label per line).
 *
 * <p>Two layouts exist. TensorFlow's COCO {@code labelmap.txt} starts with a {@code ???} line for the background
 * class that the post-process op never outputs, so class {@code c} is line {@code c + 1}; a label file without
 * it (e.g. a one-line {@code face}) maps class {@code c} to line {@code c}. Lines that are {@code ???} or empty
 * (unused COCO ids) and indexes outside the file get the label {@code class-<c>}.
 */
public final class Labels {

    private static final String UNUSED = "???";

    private final List<String> lines;
    private final int offset;

    private Labels(List<String> lines) {
        this.lines = List.copyOf(lines.stream().map(String::strip).toList());
        this.offset = !this.lines.isEmpty() && this.lines.get(0).equals(UNUSED) ? 1 : 0;
    }

    /**
     * @param lines the label file's lines
     * @return the mapping
     */
    public static Labels of(List<String> lines) {
        return new Labels(lines);
    }

    /**
     * @param file a UTF-8 label file, one label per line
     * @return the mapping
     * @throws IOException if the file cannot be read
     */
    public static Labels read(Path file) throws IOException {
        return new Labels(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** @return a mapping without a file: every class is {@code class-<c>} */
    public static Labels none() {
        return new Labels(List.of());
    }

    /**
     * @param classId 0-based class index as output by the model
     * @return its label, or {@code class-<classId>} when the file has none for it
     */
    public String label(int classId) {
        int line = classId + offset;
        if (classId < 0 || line >= lines.size() || lines.get(line).isEmpty() || lines.get(line).equals(UNUSED)) {
            return "class-" + classId;
        }
        return lines.get(line);
    }

    /** @return 1 when line 0 is the {@code ???} background entry, else 0 */
    public int offset() {
        return offset;
    }

    /** @return the number of class lines after the offset */
    public int size() {
        return lines.size() - offset;
    }
}
