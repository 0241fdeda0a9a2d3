package org.bakusoku.cpu.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bakusoku.cpu.Board;
import org.bakusoku.cpu.BoardInfo;
import org.bakusoku.cpu.BootSetting;

/**
 * The overclock-related lines of a boot configuration, with the conditional-filter section each is in,
 * following {@code include} lines (Raspberry Pi documentation, "config.txt": "What is config.txt?",
 * "Conditional filters"), and the value the firmware will use on this board: the last line whose section
 * applies.
 */
final class BootSettings {

    /** The keys shown and evaluated (Raspberry Pi documentation, "Overclocking options"). */
    static final List<String> KEYS = List.of("arm_freq", "over_voltage", "over_voltage_delta", "force_turbo",
            "arm_boost", "temp_limit");

    /** Model filters and the boards they can match (Raspberry Pi documentation, "Model filters"). */
    private static final Map<String, Board> MODEL_FILTERS = Map.ofEntries(Map.entry("pi1", Board.OTHER_PI),
            Map.entry("pi2", Board.OTHER_PI), Map.entry("pi3", Board.OTHER_PI), Map.entry("pi3+", Board.OTHER_PI),
            Map.entry("pi0", Board.OTHER_PI), Map.entry("pi0w", Board.OTHER_PI), Map.entry("pi02", Board.OTHER_PI),
            Map.entry("pi4", Board.PI4), Map.entry("pi400", Board.PI4), Map.entry("cm4", Board.PI4),
            Map.entry("cm4s", Board.PI4), Map.entry("pi5", Board.PI5), Map.entry("pi500", Board.PI5),
            Map.entry("cm5", Board.PI5));

    private static final int MAX_INCLUDE_DEPTH = 4;

    /** One setting with the filters active at its line. */
    record Entry(BootSetting setting, List<String> filters) {
    }

    private final List<Entry> entries;

    private BootSettings(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param root       the system files
     * @param bootDir    the boot partition folder under the root
     * @param configName {@code config.txt} (or {@code tryboot.txt})
     * @return the settings; files that cannot be read are skipped (an {@code include} of a missing file is
     *         legal and ignored by the firmware too)
     */
    static BootSettings read(SysRoot root, Path bootDir, String configName) {
        List<Entry> entries = new ArrayList<>();
        scan(root, bootDir, configName, new ArrayList<>(), entries, new HashSet<>(), 0);
        return new BootSettings(entries);
    }

    private static void scan(SysRoot root, Path bootDir, String name, List<String> filters, List<Entry> out,
            Set<String> seen, int depth) {
        // Includes name files of the boot partition; nothing outside it is read.
        if (depth > MAX_INCLUDE_DEPTH || name.contains("..") || !seen.add(name)) {
            return;
        }
        BootConfigText text;
        try {
            text = BootConfigText.of(root.bytes(bootDir.resolve(name)));
        } catch (IOException e) {
            return;
        }
        boolean inBlock = false;
        int number = 0;
        for (BootConfigText.Line line : text.lines()) {
            number++;
            String s = line.text().strip();
            if (s.startsWith("# >>> bakusoku-cpu")) {
                inBlock = true;
            } else if (s.startsWith("# <<< bakusoku-cpu")) {
                inBlock = false;
            }
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (s.startsWith("[") && s.endsWith("]")) {
                section(filters, s.substring(1, s.length() - 1).strip());
            } else if (s.startsWith("include ") || s.startsWith("include\t")) {
                scan(root, bootDir, s.substring("include".length()).strip(), filters, out, seen, depth + 1);
            } else {
                int eq = s.indexOf('=');
                if (eq > 0 && KEYS.contains(s.substring(0, eq))) {
                    out.add(new Entry(new BootSetting(s.substring(0, eq), s.substring(eq + 1), sectionName(filters),
                            name, number, inBlock), List.copyOf(filters)));
                }
            }
        }
    }

    /** Applies a section header: {@code [all]} resets, a filter replaces one of its own type, else is added. */
    private static void section(List<String> filters, String filter) {
        if (filter.equalsIgnoreCase("all")) {
            filters.clear();
            return;
        }
        String type = type(filter);
        filters.removeIf(f -> type(f).equals(type));
        filters.add(filter);
    }

    private static String type(String filter) {
        String lower = filter.toLowerCase();
        if (MODEL_FILTERS.containsKey(lower) || lower.equals("none") || lower.startsWith("board-type=")) {
            return "model";
        }
        if (lower.startsWith("0x")) {
            return "serial";
        }
        int sep = lower.indexOf('=');
        int colon = lower.indexOf(':');
        int cut = sep < 0 ? colon : colon < 0 ? sep : Math.min(sep, colon);
        return cut < 0 ? lower : lower.substring(0, cut);
    }

    private static String sectionName(List<String> filters) {
        if (filters.isEmpty()) {
            return "[all]";
        }
        StringBuilder name = new StringBuilder();
        filters.forEach(f -> name.append('[').append(f).append(']'));
        return name.toString();
    }

    /** @return every overclock-related line, in file order */
    List<BootSetting> settings() {
        return entries.stream().map(Entry::setting).toList();
    }

    /**
     * @param board the board
     * @return for each key, the value of its last line whose filters can apply to this board; keys that are
     *         never set are absent
     */
    Map<String, String> effective(BoardInfo board) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (entry.filters().stream().allMatch(f -> applies(f, board))) {
                values.put(entry.setting().key(), entry.setting().value());
            }
        }
        return values;
    }

    /** @return true when a line outside the appliance's block sets {@code arm_freq} or a voltage for this board */
    boolean overclockedOutsideBlock(BoardInfo board) {
        return entries.stream().filter(e -> !e.setting().managed())
                .filter(e -> e.filters().stream().allMatch(f -> applies(f, board)))
                .anyMatch(e -> List.of("arm_freq", "over_voltage", "over_voltage_delta").contains(e.setting().key()));
    }

    /**
     * A filter that can be judged from the board (model, board type) is judged; others (EDID, HDMI, GPIO,
     * serial number) are assumed to apply; {@code [none]} and {@code [tryboot]} (meant for autoboot.txt) never do.
     */
    static boolean applies(String filter, BoardInfo board) {
        String lower = filter.toLowerCase();
        if (lower.equals("none") || lower.equals("tryboot")) {
            return false;
        }
        Board family = MODEL_FILTERS.get(lower);
        if (family != null) {
            String model = Optional.ofNullable(board.model()).orElse("");
            return switch (lower) {
                case "pi400" -> model.startsWith("Raspberry Pi 400");
                case "cm4" -> model.startsWith("Raspberry Pi Compute Module 4");
                case "cm4s" -> model.startsWith("Raspberry Pi Compute Module 4S");
                case "pi500" -> model.startsWith("Raspberry Pi 500");
                case "cm5" -> model.startsWith("Raspberry Pi Compute Module 5");
                case "pi1" -> model.matches("Raspberry Pi (Model|Compute Module Rev).*");
                case "pi2" -> model.startsWith("Raspberry Pi 2");
                case "pi3" -> model.matches("Raspberry Pi (3|Compute Module 3).*");
                case "pi3+" -> model.matches("Raspberry Pi 3 Model [AB] Plus.*");
                case "pi0" -> model.startsWith("Raspberry Pi Zero");
                case "pi0w" -> model.matches("Raspberry Pi Zero (W|2 W).*");
                case "pi02" -> model.startsWith("Raspberry Pi Zero 2");
                default -> family == board.family();
            };
        }
        if (lower.startsWith("board-type=") && board.revision() != null) {
            try {
                long type = (Long.parseLong(board.revision(), 16) >> 4) & 0xFF;
                return Long.decode(lower.substring("board-type=".length()).strip()) == type;
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return true;
    }
}
