package org.bakusoku.cpu.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bakusoku.cpu.Board;
import org.bakusoku.cpu.OverclockProfile;

/**
 * The overclock profiles per board family. Defaults from the Raspberry Pi documentation, "Overclocking
 * options" ({@code arm_freq} 1500 MHz on Pi 4B up to R1.3 and CM4, 1800 MHz on Pi 400 and on Pi 4B R1.4 with
 * {@code arm_boost=1}; 2400 MHz on Pi 5; {@code over_voltage} in 25 mV steps, {@code over_voltage_delta} in µV
 * on top of the DVFS voltage). The Pi 4 1750 MHz / {@code over_voltage=2} profile is the seed's own setting;
 * the others are the commonly used next steps and need better cooling and a full-current supply, which
 * the tryboot trial checks (under-voltage, temperature) before they are kept.
 */
final class Profiles {

    private static final List<OverclockProfile> ALL = List.of(
            new OverclockProfile(OverclockProfile.STOCK, Board.PI4, 1500, null, null,
                    "Firmware defaults: 1500 MHz (1800 MHz on a Pi 400 and on a Pi 4B R1.4 with arm_boost=1)."),
            new OverclockProfile("pi4-1750", Board.PI4, 1750, 2, null,
                    "1750 MHz with over_voltage=2 (+50 mV): the seed's setting; needs a heatsink."),
            new OverclockProfile("pi4-2000", Board.PI4, 2000, 6, null,
                    "2000 MHz with over_voltage=6 (+150 mV): needs a fan and a 3 A supply; not every board is stable."),
            new OverclockProfile(OverclockProfile.STOCK, Board.PI5, 2400, null, null,
                    "Firmware defaults: 2400 MHz."),
            new OverclockProfile("pi5-2800", Board.PI5, 2800, null, 50_000,
                    "2800 MHz with over_voltage_delta=50000 (+50 mV): needs the Active Cooler."),
            new OverclockProfile("pi5-3000", Board.PI5, 3000, null, 50_000,
                    "3000 MHz with over_voltage_delta=50000 (+50 mV): needs the Active Cooler and the 27 W supply;"
                            + " not every board is stable."));

    private Profiles() {
    }

    /**
     * @param board the board family
     * @return its profiles, {@code stock} first; for other boards only a {@code stock} entry (arm_freq 0),
     *         which removes the appliance's block
     */
    static List<OverclockProfile> forBoard(Board board) {
        List<OverclockProfile> profiles = new ArrayList<>(ALL.stream().filter(p -> p.board() == board).toList());
        if (profiles.isEmpty()) {
            profiles.add(new OverclockProfile(OverclockProfile.STOCK, board, 0, null, null,
                    "Firmware defaults (no overclock profiles for this board)."));
        }
        return profiles;
    }

    /** @return every profile id of every board, for messages */
    static List<OverclockProfile> all() {
        return ALL;
    }

    /**
     * @param id a profile id
     * @return the profile of any board with that id (stock of Pi 4 for {@code stock})
     */
    static Optional<OverclockProfile> find(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** @return the {@code key=value} lines of a profile's block */
    static List<String> settings(OverclockProfile profile) {
        List<String> lines = new ArrayList<>();
        lines.add("arm_freq=" + profile.armFreqMhz());
        if (profile.overVoltage() != null) {
            lines.add("over_voltage=" + profile.overVoltage());
        }
        if (profile.overVoltageDeltaUv() != null) {
            lines.add("over_voltage_delta=" + profile.overVoltageDeltaUv());
        }
        return lines;
    }

    /** @return the model filter a board's block is written under: {@code [pi4]} or {@code [pi5]} */
    static String filter(Board board) {
        return board == Board.PI5 ? "[pi5]" : "[pi4]";
    }
}
