package org.bakusoku.cpu.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BootConfigTextTest {

    private static final List<String> PI4_1750 = List.of("arm_freq=1750", "over_voltage=2");

    @ParameterizedTest
    @ValueSource(strings = { "pios-bookworm.txt", "ubuntu-include.txt", "seed-crlf.txt", "no-final-newline.txt",
            "debian-raspi-firmware.txt" })
    void addingAndRemovingTheBlockGivesTheSameBytes(String sample) {
        byte[] original = PiTree.sample(sample);

        BootConfigText with = BootConfigText.of(original).withBlock(PI4_1750, "pi4-1750", "[pi4]");

        assertThat(with.bytes()).isNotEqualTo(original);
        assertThat(with.withoutBlock().bytes()).isEqualTo(original);
    }

    @ParameterizedTest
    @ValueSource(strings = { "pios-bookworm.txt", "ubuntu-include.txt", "seed-crlf.txt", "debian-raspi-firmware.txt" })
    void theBlockIsAppendedAfterTheUntouchedFile(String sample) {
        byte[] original = PiTree.sample(sample);

        byte[] with = BootConfigText.of(original).withBlock(PI4_1750, "pi4-1750", "[pi4]").bytes();

        assertThat(Arrays.copyOf(with, original.length)).isEqualTo(original);
        String block = new String(with, original.length, with.length - original.length, StandardCharsets.ISO_8859_1);
        String eol = sample.equals("seed-crlf.txt") ? "\r\n" : "\n";
        assertThat(block).isEqualTo(String.join(eol, BootConfigText.BEGIN, "# profile: pi4-1750", "[all]", "[pi4]",
                "arm_freq=1750", "over_voltage=2", "[all]", BootConfigText.END) + eol);
    }

    @Test
    void aFileWithoutFinalLineEndGetsOneBeforeTheBlockAndLosesItWithTheBlock() {
        byte[] original = PiTree.sample("no-final-newline.txt");

        String with = BootConfigText.of(original).withBlock(PI4_1750, "pi4-1750", "[pi4]").toString();

        assertThat(with).startsWith(new String(original, StandardCharsets.ISO_8859_1) + "\n" + BootConfigText.BEGIN)
                .endsWith(BootConfigText.END);
        assertThat(BootConfigText.of(with.getBytes(StandardCharsets.ISO_8859_1)).withoutBlock().bytes()).isEqualTo(original);
    }

    @ParameterizedTest
    @ValueSource(strings = { "pios-bookworm.txt", "seed-crlf.txt", "no-final-newline.txt" })
    void replacingTheBlockKeepsEverythingAroundIt(String sample) {
        byte[] original = PiTree.sample(sample);
        BootConfigText first = BootConfigText.of(original).withBlock(PI4_1750, "pi4-1750", "[pi4]");
        // The user adds a line after the block by hand: it must survive a profile change.
        String eol = first.lineEnding();
        String edited = first + (first.toString().endsWith("\n") ? "" : eol) + "dtoverlay=gpio-fan" + eol;

        BootConfigText second = BootConfigText.of(edited.getBytes(StandardCharsets.ISO_8859_1))
                .withBlock(List.of("arm_freq=2000", "over_voltage=6"), "pi4-2000", "[pi4]");

        assertThat(second.profile()).contains("pi4-2000");
        assertThat(second.block().orElseThrow().lines()).contains("arm_freq=2000", "over_voltage=6")
                .doesNotContain("arm_freq=1750", "over_voltage=2");
        assertThat(second.toString()).endsWith("dtoverlay=gpio-fan" + eol);
        String withoutBlock = second.withoutBlock().toString();
        assertThat(withoutBlock).isEqualTo(new String(original, StandardCharsets.ISO_8859_1)
                + (new String(original, StandardCharsets.ISO_8859_1).endsWith("\n") ? "" : eol) + "dtoverlay=gpio-fan" + eol);
    }

    @Test
    void keepsCrlfLineEndsInsideTheBlock() {
        String with = BootConfigText.of(PiTree.sample("seed-crlf.txt")).withBlock(PI4_1750, "pi4-1750", "[pi4]").toString();

        assertThat(with.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void readsTheProfileOnlyFromTheBlock() {
        BootConfigText plain = BootConfigText.of(PiTree.sample("seed-crlf.txt"));

        assertThat(plain.profile()).isEmpty();
        assertThat(plain.withBlock(PI4_1750, "pi4-1750", "[pi4]").profile()).contains("pi4-1750");
    }

    @Test
    void leavesABlockWithoutEndAlone() {
        byte[] broken = (new String(PiTree.sample("pios-bookworm.txt"), StandardCharsets.ISO_8859_1)
                + BootConfigText.BEGIN + "\narm_freq=1750\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> BootConfigText.of(broken).withBlock(PI4_1750, "pi4-1750", "[pi4]"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 52 opens the bakusoku-cpu block");
    }
}
