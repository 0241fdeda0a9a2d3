package org.bakusoku.cpu.impl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text of a {@code config.txt} / {@code tryboot.txt} with the appliance's own block, edited without
 * touching a single byte outside it: comments, blank lines, {@code [pi4]}/{@code [all]} sections,
 * {@code include} and {@code dtoverlay} lines, CRLF or LF line ends and a missing final line end all stay.
 *
 * <p>Bytes are decoded as ISO-8859-1, which maps every byte to one char and back, so any encoding survives.
 * The block is appended at the end (the firmware uses the last value of a repeated setting: Raspberry Pi
 * documentation, "config.txt"); an existing block is replaced in place. Inside it, {@code [all]} first resets
 * whatever filter the user's file ended in, and {@code [all]} last leaves no filter behind.
 */
final class BootConfigText {

    /** First line of the block; a line starting with this text opens it. */
    static final String BEGIN = "# >>> bakusoku-cpu >>> managed by the Bakusoku appliance (CPU page); edits inside are replaced";
    /** Last line of the block; a line starting with this text closes it. */
    static final String END = "# <<< bakusoku-cpu <<<";
    /** Line inside the block naming the profile. */
    static final String PROFILE_PREFIX = "# profile: ";

    private static final String BEGIN_KEY = "# >>> bakusoku-cpu";
    private static final String END_KEY = "# <<< bakusoku-cpu";

    /** One physical line: its text without the terminator, and the terminator ("", "\n" or "\r\n"). */
    record Line(String text, String terminator, int start) {
        int end() {
            return start + text.length() + terminator.length();
        }
    }

    /** Where the block is: char offsets [start, end) in the text, and its lines. */
    record Block(int start, int end, List<String> lines) {
    }

    private final String text;

    private BootConfigText(String text) {
        this.text = text;
    }

    /** @param bytes the file's bytes */
    static BootConfigText of(byte[] bytes) {
        return new BootConfigText(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** @return the file's bytes */
    byte[] bytes() {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** @return the physical lines, terminators kept */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                lines.add(new Line(text.substring(start), "", start));
                break;
            }
            boolean crlf = nl > start && text.charAt(nl - 1) == '\r';
            lines.add(new Line(text.substring(start, crlf ? nl - 1 : nl), crlf ? "\r\n" : "\n", start));
            start = nl + 1;
        }
        return lines;
    }

    /** @return the line end of the first terminated line, {@code \n} when there is none */
    String lineEnding() {
        return lines().stream().map(Line::terminator).filter(t -> !t.isEmpty()).findFirst().orElse("\n");
    }

    /**
     * @return the appliance's block, or empty when there is none
     * @throws IllegalStateException when the block is opened but never closed (a hand edit went wrong): the
     *                               file is then left alone
     */
    Optional<Block> block() {
        List<Line> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).text().startsWith(BEGIN_KEY)) {
                continue;
            }
            for (int j = i; j < lines.size(); j++) {
                if (lines.get(j).text().startsWith(END_KEY)) {
                    int start = lines.get(i).start();
                    Line last = lines.get(j);
                    // A block that ends the file without a line end was added to a file without a final line end:
                    // the line end before it belongs to the block, so removing it restores the file exactly.
                    if (last.terminator().isEmpty() && i > 0) {
                        start -= lines.get(i - 1).terminator().length();
                    }
                    List<String> inner = lines.subList(i, j + 1).stream().map(Line::text).toList();
                    return Optional.of(new Block(start, last.end(), inner));
                }
            }
            throw new IllegalStateException("line " + (i + 1) + " opens the bakusoku-cpu block but no line closes it"
                    + " ('" + END + "'); fix the file by hand");
        }
        return Optional.empty();
    }

    /**
     * @param settings {@code key=value} lines, e.g. {@code [arm_freq=1750, over_voltage=2]}
     * @param profile  the profile id, written as a comment inside the block
     * @param filter   the model filter the settings apply under, e.g. {@code [pi4]}
     * @return the text with the block holding exactly these settings, in place of an old block or appended
     */
    BootConfigText withBlock(List<String> settings, String profile, String filter) {
        List<String> lines = new ArrayList<>();
        lines.add(BEGIN);
        lines.add(PROFILE_PREFIX + profile);
        lines.add("[all]");
        lines.add(filter);
        lines.addAll(settings);
        lines.add("[all]");
        lines.add(END);
        String eol = lineEnding();
        String joined = String.join(eol, lines);
        Optional<Block> old = block();
        if (old.isPresent()) {
            Block b = old.get();
            boolean atEndWithoutLineEnd = b.end() == text.length() && !endsWithLineEnd(text);
            String replacement = atEndWithoutLineEnd ? (b.start() > 0 ? eol : "") + joined : joined + eol;
            return new BootConfigText(text.substring(0, b.start()) + replacement + text.substring(b.end()));
        }
        if (text.isEmpty() || endsWithLineEnd(text)) {
            return new BootConfigText(text + joined + eol);
        }
        return new BootConfigText(text + eol + joined);
    }

    /** @return the text without the appliance's block (unchanged when there is none) */
    BootConfigText withoutBlock() {
        return block().map(b -> new BootConfigText(text.substring(0, b.start()) + text.substring(b.end())))
                .orElse(this);
    }

    /** @return the profile named inside the block, or empty when there is no block */
    Optional<String> profile() {
        return block().flatMap(b -> b.lines().stream().filter(l -> l.startsWith(PROFILE_PREFIX)).findFirst())
                .map(l -> l.substring(PROFILE_PREFIX.length()).strip());
    }

    private static boolean endsWithLineEnd(String s) {
        return s.endsWith("\n");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BootConfigText t && t.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
