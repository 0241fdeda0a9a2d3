package org.bakusoku.cpu.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bakusoku.cpu.OverclockStatus;
import org.bakusoku.cpu.ThrottleState;
import org.bakusoku.cpu.TrybootPhase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tryboot flow on a Pi 4 tree with a fake reboot: a "reboot" is a new manager (a new JVM) on the same
 * data folder after the test changed the boot id and the firmware's tryboot flag as the firmware would.
 */
class TrybootFlowTest {

    private static final String CONFIG = "boot/firmware/config.txt";
    private static final String TRYBOOT = "boot/firmware/tryboot.txt";
    private static final long TRIAL_MS = 300_000;

    @TempDir
    Path sys;
    @TempDir
    Path data;

    private PiTree tree;
    private byte[] original;
    private final VirtualScheduler clock = new VirtualScheduler();
    private final List<Boolean> reboots = new ArrayList<>();
    private final CpuSettings settings = ConfigProxy.settings(Map.of());

    @BeforeEach
    void pi4() {
        tree = PiTree.pi4(sys);
        original = tree.read(CONFIG);
    }

    /** The appliance as started in the current boot. */
    private OverclockManager appliance() {
        SysRoot root = new SysRoot(tree.root);
        OverclockManager manager = new OverclockManager(root, () -> settings,
                () -> new DirectActions(root, clock::epochMs, reboots::add), new TrybootStore(data), clock);
        manager.resume(0);
        return manager;
    }

    private static TrybootFlow.Health healthy(long frames) {
        return new TrybootFlow.Health(58.4, ThrottleState.decode(0x0, "test"), frames);
    }

    /** Stages pi4-1750, lets the reboot delay pass and boots with the flag the reboot set. */
    private OverclockManager stagedAndRebootedIntoTryboot() throws Exception {
        OverclockStatus staged = appliance().apply("pi4-1750");
        assertThat(staged.phase()).isEqualTo(TrybootPhase.STAGED);
        assertThat(staged.pendingTryboot()).isTrue();
        clock.advance(settings.rebootDelayMs());
        assertThat(reboots).containsExactly(true);
        tree.reboot("boot-2", true);
        return appliance();
    }

    @Test
    void stagingWritesOnlyTryboot() throws Exception {
        appliance().apply("pi4-1750");

        assertThat(tree.read(CONFIG)).isEqualTo(original);
        assertThat(tree.read(TRYBOOT)).isEqualTo(BootConfigText.of(original)
                .withBlock(List.of("arm_freq=1750", "over_voltage=2"), "pi4-1750", "[pi4]").bytes());
        assertThat(reboots).as("the reboot waits for the answer to reach the browser").isEmpty();
    }

    @Test
    void aHealthyTrialIsCommitted() throws Exception {
        OverclockManager trial = stagedAndRebootedIntoTryboot();
        byte[] candidate = tree.read(TRYBOOT);
        assertThat(trial.status().phase()).isEqualTo(TrybootPhase.TRIAL);
        assertThat(trial.status().trialEndsAtMs()).isEqualTo(clock.epochMs() + TRIAL_MS);

        for (long t = 0; t < TRIAL_MS; t += 2000) {
            clock.advance(2000);
            trial.check(healthy(t / 100));
        }

        OverclockStatus status = trial.status();
        assertThat(status.phase()).isEqualTo(TrybootPhase.COMMITTED);
        assertThat(status.profile()).isEqualTo("pi4-1750");
        assertThat(status.armFreqMhz()).isEqualTo(1750);
        assertThat(status.overVoltage()).isEqualTo(2);
        assertThat(status.pendingTryboot()).isFalse();
        assertThat(tree.read(CONFIG)).isEqualTo(candidate);
        assertThat(tree.exists(TRYBOOT)).isFalse();
        assertThat(backups("config.txt")).containsExactly(original);
        assertThat(reboots).containsExactly(true);
    }

    @Test
    void anUnhealthyTrialIsRevertedAndRebootsIntoTheUnchangedConfig() throws Exception {
        OverclockManager trial = stagedAndRebootedIntoTryboot();
        clock.advance(60_000);
        trial.check(healthy(100));

        clock.advance(2000);
        trial.check(new TrybootFlow.Health(71.0, ThrottleState.decode(0x50005, "test"), 110));

        OverclockStatus status = trial.status();
        assertThat(status.phase()).isEqualTo(TrybootPhase.REVERTED);
        assertThat(status.message()).contains("under-voltage, throttled now");
        assertThat(tree.read(CONFIG)).isEqualTo(original);
        assertThat(tree.exists(TRYBOOT)).isFalse();
        clock.advance(settings.rebootDelayMs());
        assertThat(reboots).containsExactly(true, false);
    }

    @Test
    void aHotTrialIsReverted() throws Exception {
        OverclockManager trial = stagedAndRebootedIntoTryboot();

        clock.advance(2000);
        trial.check(new TrybootFlow.Health(80.5, ThrottleState.decode(0x0, "test"), 5));

        assertThat(trial.status().phase()).isEqualTo(TrybootPhase.REVERTED);
        assertThat(trial.status().message()).contains("temperature 80.5 °C reached the limit 80.0 °C");
        assertThat(tree.read(CONFIG)).isEqualTo(original);
    }

    @Test
    void aTrialWithoutDetectionsIsReverted() throws Exception {
        OverclockManager trial = stagedAndRebootedIntoTryboot();

        clock.advance(TRIAL_MS);
        trial.check(healthy(3));

        assertThat(trial.status().phase()).isEqualTo(TrybootPhase.REVERTED);
        assertThat(trial.status().message()).contains("only 3 frames were analysed in 300 s (at least 10 needed)");
        assertThat(tree.read(CONFIG)).isEqualTo(original);
    }

    @Test
    void aResetBeforeTheTrialBootsTheOldConfigAndReverts() throws Exception {
        appliance().apply("pi4-1750");
        clock.advance(settings.rebootDelayMs());
        // Power loss: the firmware cleared the one-shot flag, or the kernel never passed it.
        tree.reboot("boot-2", false);

        OverclockStatus status = appliance().status();

        assertThat(status.phase()).isEqualTo(TrybootPhase.REVERTED);
        assertThat(status.message()).startsWith("The Pi booted config.txt instead of tryboot.txt");
        assertThat(tree.read(CONFIG)).isEqualTo(original);
        assertThat(tree.exists(TRYBOOT)).isFalse();
        assertThat(reboots).containsExactly(true);
    }

    @Test
    void aResetDuringTheTrialReverts() throws Exception {
        OverclockManager trial = stagedAndRebootedIntoTryboot();
        clock.advance(30_000);
        trial.check(healthy(50));
        tree.reboot("boot-3", false);

        OverclockStatus status = appliance().status();

        assertThat(status.phase()).isEqualTo(TrybootPhase.REVERTED);
        assertThat(status.message()).contains("restarted during the trial of pi4-1750");
        assertThat(tree.read(CONFIG)).isEqualTo(original);
    }

    @Test
    void anApplianceRestartDuringTheTrialContinuesIt() throws Exception {
        stagedAndRebootedIntoTryboot();
        clock.advance(30_000);

        OverclockManager restarted = appliance();

        assertThat(restarted.status().phase()).isEqualTo(TrybootPhase.TRIAL);
    }

    @Test
    void aFailedRebootRequestWithdrawsTheCandidate() throws Exception {
        SysRoot root = new SysRoot(tree.root);
        OverclockManager manager = new OverclockManager(root, () -> settings, () -> new DirectActions(root, clock::epochMs,
                tryboot -> {
                    throw new IOException("reboot exited with status 1: Access denied");
                }), new TrybootStore(data), clock);
        manager.apply("pi4-1750");

        clock.advance(settings.rebootDelayMs());

        assertThat(manager.status().phase()).isEqualTo(TrybootPhase.REVERTED);
        assertThat(manager.status().message()).contains("Access denied");
        assertThat(tree.exists(TRYBOOT)).isFalse();
        assertThat(tree.read(CONFIG)).isEqualTo(original);
    }

    @Test
    void aUsersOwnTrybootFileComesBack() throws Exception {
        byte[] users = "# A/B update candidate\nos_prefix=b/\n".getBytes();
        tree.write(TRYBOOT, users);
        OverclockManager trial = stagedAndRebootedIntoTryboot();

        trial.check(new TrybootFlow.Health(85.0, null, 0));

        assertThat(trial.status().phase()).isEqualTo(TrybootPhase.REVERTED);
        assertThat(tree.read(TRYBOOT)).isEqualTo(users);
    }

    @Test
    void stockRemovesTheCommittedBlockAndRebootsNormally() throws Exception {
        OverclockManager trial = stagedAndRebootedIntoTryboot();
        clock.advance(TRIAL_MS);
        trial.check(healthy(500));
        assertThat(trial.status().phase()).isEqualTo(TrybootPhase.COMMITTED);

        OverclockStatus status = trial.apply("stock");
        clock.advance(settings.rebootDelayMs());

        assertThat(status.profile()).isEqualTo("stock");
        assertThat(status.armFreqMhz()).isNull();
        assertThat(tree.read(CONFIG)).isEqualTo(original);
        assertThat(reboots).containsExactly(true, false);
    }

    private List<byte[]> backups(String name) throws IOException {
        try (var files = Files.list(tree.root.resolve("boot/firmware/bakusoku-backups"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(name + ".")).sorted().map(p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
