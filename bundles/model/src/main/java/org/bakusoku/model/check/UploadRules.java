package org.bakusoku.model.check;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the parts of an upload that are not the model: its display name and its label file.
 *
 * <p>Names are never used as file names (models are stored under their SHA-256), but they are shown in the console,
 * logs and events, so only a plain alphabet is accepted: this refuses {@code ../}, control characters and markup.
 */
public final class UploadRules {

    /** Longest accepted name, characters. */
    public static final int MAX_NAME = 64;
    /** Longest accepted label file, bytes (the 1001-line ImageNet file has 22 kB). */
    public static final int MAX_LABELS_BYTES = 1 << 20;
    /** Letters and digits of any script, space, dot, underscore, hyphen. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._-]{1," + MAX_NAME + "}");
    /** The COCO label maps start with this line for the background class that the post-process op never outputs. */
    private static final String BACKGROUND = "???";

    private UploadRules() {
    }

    /**
     * @param name a proposed model name
     * @return the name without surrounding spaces
     * @throws IllegalArgumentException with the rule when it is not acceptable
     */
    public static String name(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("the model needs a name (1.." + MAX_NAME + " characters)");
        }
        if (n.contains("..") || n.contains("/") || n.contains("\\")) {
            throw new IllegalArgumentException("the name must not contain '..', '/' or '\\'");
        }
        if (n.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the name must not contain control characters");
        }
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("the name may contain letters, digits, spaces, '.', '_' and '-', 1.."
                    + MAX_NAME + " characters");
        }
        return n;
    }

    /**
     * Reads a label file and checks it against the model's classes.
     *
     * @param bytes   the file, UTF-8, one label per line; a first line {@code ???} is the background and is not
     *                counted; trailing empty lines are ignored
     * @param classes the model's number of classes, or 0 if unknown (then any count is accepted)
     * @return the labels, background line excluded
     * @throws IllegalArgumentException with the reason if the file is not UTF-8 text, contains control characters,
     *                                  or its label count differs from {@code classes}
     */
    public static List<String> labels(byte[] bytes, int classes) {
        if (bytes.length > MAX_LABELS_BYTES) {
            throw new IllegalArgumentException("the label file has " + bytes.length + " bytes; at most "
                    + MAX_LABELS_BYTES + " are accepted");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the label file is not UTF-8 text");
        }
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the label file contains control characters");
            }
        }
        if (!lines.isEmpty() && lines.get(0).strip().equals(BACKGROUND)) {
            lines.remove(0);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the label file is empty");
        }
        if (classes > 0 && lines.size() != classes) {
            throw new IllegalArgumentException("the label file has " + lines.size() + " label(s) but the model detects "
                    + classes + " class(es) (a first line '???' for the background is not counted)");
        }
        return List.copyOf(lines);
    }
}
