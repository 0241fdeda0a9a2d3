package org.bakusoku.model.check;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Recognises what a file is from its first bytes, so that a wrong upload is refused with a reason a user
 * understands ("this is a JPEG image") rather than "bad flatbuffer".
 *
 * <p>A TFLite model is a flatbuffer whose bytes 4..7 are the file identifier {@code TFL3}
 * ({@code file_identifier "TFL3"} in {@code tensorflow/lite/schema/schema.fbs}). The other signatures are the
 * usual magic numbers of the formats people upload by mistake (JPEG {@code FF D8 FF}, PNG {@code 89 'PNG'}, ZIP
 * {@code 'PK' 03 04} as in a SavedModel archive or a MediaPipe {@code .task} bundle, gzip {@code 1F 8B}, ONNX/
 * TensorFlow protobufs have no magic and fall under "not a TFLite model").
 */
final class FileKind {

    /** The smallest flatbuffer: a root offset and the identifier. */
    static final int MIN_SIZE = 8;

    private FileKind() {
    }

    /**
     * @param bb the file, little-endian, position 0
     * @throws StructureException unless the file starts like a TFLite flatbuffer
     */
    static void check(ByteBuffer bb) throws StructureException {
        int size = bb.limit();
        if (size == 0) {
            throw new StructureException("the file is empty");
        }
        if (startsWith(bb, 0xFF, 0xD8, 0xFF)) {
            throw new StructureException("this is a JPEG image, not a TFLite model (.tflite)");
        }
        if (startsWith(bb, 0x89, 'P', 'N', 'G')) {
            throw new StructureException("this is a PNG image, not a TFLite model (.tflite)");
        }
        if (startsWith(bb, 'P', 'K', 3, 4)) {
            throw new StructureException("this is a ZIP archive (a SavedModel or a .task bundle?), not a TFLite model;"
                    + " upload the .tflite file itself");
        }
        if (startsWith(bb, 0x1F, 0x8B)) {
            throw new StructureException("this is a gzip-compressed file; uncompress it and upload the .tflite inside");
        }
        if (size < MIN_SIZE) {
            throw new StructureException("the file has only " + size + " bytes: too short to be a TFLite model");
        }
        byte[] id = new byte[4];
        bb.get(4, id);
        String identifier = new String(id, StandardCharsets.ISO_8859_1);
        if (!TfliteStructure.IDENTIFIER.equals(identifier)) {
            throw new StructureException("not a TFLite model: bytes 4..7 should be the identifier "
                    + TfliteStructure.IDENTIFIER + " but are " + printable(id));
        }
    }

    private static boolean startsWith(ByteBuffer bb, int... magic) {
        if (bb.limit() < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bb.get(i) & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String printable(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c));
        }
        return "'" + s + "'";
    }
}
