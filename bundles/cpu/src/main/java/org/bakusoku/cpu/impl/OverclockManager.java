package org.bakusoku.cpu.impl;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.bakusoku.cpu.Board;
import org.bakusoku.cpu.BoardInfo;
import org.bakusoku.cpu.BootSetting;
import org.bakusoku.cpu.CpuException;
import org.bakusoku.cpu.OverclockProfile;
import org.bakusoku.cpu.OverclockStatus;
import org.bakusoku.cpu.TrybootPhase;
import org.bakusoku.cpu.impl.TrybootStore.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Overclock profiles per board, the boot configuration's overclock, and applying a profile: an overclock
 * through the {@link TrybootFlow}, {@code stock} by removing the appliance's block from {@code config.txt}
 * (going back to the firmware defaults needs no trial). Refuses, with the reason, another board's profile,
 * an unknown board, a kernel without tryboot, a pending trial and a read-only boot partition.
 */
final class OverclockManager {

    private static final Logger LOG = LoggerFactory.getLogger(OverclockManager.class);

    private final SysRoot root;
    private final Platform platform;
    private final Supplier<CpuSettings> settings;
    private final Supplier<SystemActions> actions;
    private final Scheduler scheduler;
    private final TrybootFlow flow;

    /**
     * @param root      the system files
     * @param settings  the current settings
     * @param actions   the privileged writes for the current settings
     * @param store     the persisted tryboot state
     * @param scheduler runs the delayed reboot
     */
    OverclockManager(SysRoot root, Supplier<CpuSettings> settings, Supplier<SystemActions> actions, TrybootStore store,
            Scheduler scheduler) {
        this.root = root;
        this.platform = new Platform(root);
        this.settings = settings;
        this.actions = actions;
        this.scheduler = scheduler;
        this.flow = new TrybootFlow(store, this::bootPartition, actions, scheduler::epochMs);
    }

    /** @return the boot partition per the configured folder, if it has a config.txt */
    Optional<BootPartition> bootPartition() {
        return BootPartition.locate(root, settings.get().bootDir());
    }

    private String searched() {
        String configured = settings.get().bootDir();
        return configured.isEmpty() ? String.join(" or ", BootPartition.CANDIDATES) : configured;
    }

    /** Continues a pending tryboot after the appliance started. */
    void resume(long frames) {
        flow.resume(platform.bootId(), platform.bootedWithTryboot(), frames);
    }

    /**
     * Checks the health of a running trial and reboots into config.txt when it failed.
     *
     * @param health the reading
     */
    void check(TrybootFlow.Health health) {
        if (flow.check(health, settings.get().trialRules()) == TrybootFlow.Outcome.REBOOT_NORMAL) {
            reboot(false);
        }
    }

    /** @return this board's profiles */
    List<OverclockProfile> profiles() {
        return Profiles.forBoard(platform.board().family());
    }

    /** @return the boot configuration's overclock and the tryboot state */
    OverclockStatus status() {
        BoardInfo board = platform.board();
        State state = flow.state();
        Optional<BootPartition> partition = bootPartition();
        List<BootSetting> lines = List.of();
        Map<String, String> effective = Map.of();
        String profile = OverclockProfile.STOCK;
        if (partition.isPresent()) {
            BootSettings boot = BootSettings.read(root, partition.get().dir(), BootPartition.CONFIG);
            lines = boot.settings();
            effective = boot.effective(board);
            profile = blockProfile(partition.get()).orElse(boot.overclockedOutsideBlock(board) ? "custom" : OverclockProfile.STOCK);
        }
        Long trialEnds = state.phase() == TrybootPhase.TRIAL ? state.trialStartMs() + settings.get().trialS() * 1000 : null;
        String refusal = trybootRefusal(board);
        return new OverclockStatus(profile, integer(effective.get("arm_freq")), integer(effective.get("over_voltage")),
                integer(effective.get("over_voltage_delta")), state.phase(),
                state.phase() == TrybootPhase.NONE ? null : state.profile(), state.sinceMs(), trialEnds,
                partition.isEmpty() ? "No config.txt in " + searched()
                        + ": the boot configuration cannot be read (set boot.dir)." : state.message(),
                refusal == null, refusal, partition.map(p -> p.show(BootPartition.CONFIG)).orElse(null), lines);
    }

    /**
     * @param profileId a profile id
     * @return the status after staging
     * @throws CpuException see {@link org.bakusoku.cpu.Overclock#apply}
     */
    OverclockStatus apply(String profileId) throws CpuException {
        BoardInfo board = platform.board();
        OverclockProfile profile = resolve(profileId, board);
        State state = flow.state();
        if (state.phase() == TrybootPhase.STAGED || state.phase() == TrybootPhase.TRIAL) {
            throw new CpuException(CpuException.Kind.REFUSED, "A trial of " + state.profile() + " is pending ("
                    + state.phase() + "); wait until it is committed or reverted.");
        }
        BootPartition partition = bootPartition().orElseThrow(() -> new CpuException(CpuException.Kind.REFUSED,
                "No config.txt in " + searched() + "; set boot.dir."));
        checkWritable(partition);
        checkBlock(partition);
        Optional<String> current = blockProfile(partition);
        if (current.orElse(OverclockProfile.STOCK).equals(profile.id())) {
            throw new CpuException(CpuException.Kind.REFUSED, "Profile " + profile.id() + " is already in "
                    + partition.show(BootPartition.CONFIG) + ".");
        }
        if (profile.id().equals(OverclockProfile.STOCK)) {
            applyStock(partition);
        } else {
            String refusal = trybootRefusal(board);
            if (refusal != null) {
                throw new CpuException(CpuException.Kind.REFUSED, refusal);
            }
            try {
                flow.stage(profile, board, platform.bootId());
            } catch (IOException e) {
                throw writeFailure(partition.show(BootPartition.TRYBOOT), e);
            }
            reboot(true);
        }
        return status();
    }

    private OverclockProfile resolve(String profileId, BoardInfo board) throws CpuException {
        List<OverclockProfile> mine = Profiles.forBoard(board.family());
        Optional<OverclockProfile> own = mine.stream().filter(p -> p.id().equals(profileId)).findFirst();
        if (own.isPresent()) {
            return own.get();
        }
        List<String> ids = mine.stream().map(OverclockProfile::id).toList();
        Optional<OverclockProfile> other = Profiles.find(profileId);
        String what = board.model() == null ? "this machine (not a Raspberry Pi)" : board.model();
        if (other.isPresent()) {
            String reason = board.family() == Board.PI4 || board.family() == Board.PI5
                    ? "Profile " + profileId + " is for a Raspberry Pi " + (other.get().board() == Board.PI5 ? "5" : "4")
                            + "; this is " + what + ". Choose one of: " + String.join(", ", ids) + "."
                    : "No overclock profiles for " + what + ": only the Raspberry Pi 4 and 5 have tested profiles.";
            throw new CpuException(CpuException.Kind.REFUSED, reason, ids);
        }
        throw new CpuException(CpuException.Kind.INVALID, "Unknown profile '" + profileId + "'; profiles for this board: "
                + String.join(", ", ids) + ".", ids);
    }

    private void applyStock(BootPartition partition) throws CpuException {
        try {
            byte[] config = partition.read(BootPartition.CONFIG).orElseThrow(() -> new IOException("config.txt vanished"));
            actions.get().writeBootFile(partition, BootPartition.CONFIG, BootConfigText.of(config).withoutBlock().bytes());
        } catch (IOException e) {
            throw writeFailure(partition.show(BootPartition.CONFIG), e);
        }
        LOG.info("overclock removed from {}; rebooting to the firmware defaults", partition.show(BootPartition.CONFIG));
        reboot(false);
    }

    private void checkWritable(BootPartition partition) throws CpuException {
        try {
            actions.get().checkBootWritable(partition);
        } catch (IOException e) {
            throw new CpuException(CpuException.Kind.PERMISSION, "The boot partition " + partition.display()
                    + " is not writable (" + Cpufreq.reason(e) + "): it is mounted read-only or the appliance lacks"
                    + " the rights; on the image, helper.command does these writes.");
        }
    }

    /** A block opened but never closed (a hand edit gone wrong) is not ours to repair. */
    private static void checkBlock(BootPartition partition) throws CpuException {
        try {
            partition.read(BootPartition.CONFIG).ifPresent(bytes -> BootConfigText.of(bytes).block());
        } catch (IllegalStateException e) {
            throw new CpuException(CpuException.Kind.REFUSED, partition.show(BootPartition.CONFIG) + ": " + e.getMessage() + ".");
        } catch (IOException e) {
            throw new CpuException(CpuException.Kind.FAILED, "Reading " + partition.show(BootPartition.CONFIG)
                    + " failed (" + Cpufreq.reason(e) + ").");
        }
    }

    private static CpuException writeFailure(String file, IOException e) {
        boolean permission = e instanceof FileSystemException fse && Cpufreq.readOnly(fse);
        return new CpuException(permission ? CpuException.Kind.PERMISSION : CpuException.Kind.FAILED,
                "Writing " + file + " failed (" + Cpufreq.reason(e) + "); config.txt is unchanged.");
    }

    /** Reboots after the configured delay, so that the HTTP answer and the log line get out first. */
    private void reboot(boolean tryboot) {
        long delay = settings.get().rebootDelayMs();
        LOG.warn("rebooting {}in {} ms", tryboot ? "into tryboot " : "", delay);
        scheduler.schedule(() -> {
            try {
                actions.get().reboot(tryboot);
                LOG.info("reboot {}requested", tryboot ? "with the tryboot flag " : "");
            } catch (IOException e) {
                LOG.error("reboot request failed: {}", e.getMessage());
                if (tryboot) {
                    flow.rebootFailed(e.getMessage());
                }
            }
        }, delay);
    }

    private Optional<String> blockProfile(BootPartition partition) {
        try {
            return partition.read(BootPartition.CONFIG).flatMap(bytes -> BootConfigText.of(bytes).profile());
        } catch (IOException | IllegalStateException e) {
            return Optional.of("custom");
        }
    }

    /**
     * @return why overclock profiles cannot go through tryboot here, or null when they can. A false "yes"
     *         is still safe: a reboot without the flag boots config.txt and the flow reverts.
     */
    String trybootRefusal(BoardInfo board) {
        String mode = settings.get().trybootMode();
        if (mode.equals("off")) {
            return "Overclocking is switched off (tryboot.mode=off).";
        }
        if (board.family() != Board.PI4 && board.family() != Board.PI5) {
            return "Tryboot needs the EEPROM bootloader of a Raspberry Pi 4 or 5; this is "
                    + (board.model() == null ? "not a Raspberry Pi" : board.model()) + ".";
        }
        if (mode.equals("force")) {
            return null;
        }
        Optional<Integer> caps = platform.bootloaderCapabilities();
        if (caps.isPresent() && (caps.get() & (1 << 3)) == 0) {
            return String.format("This bootloader EEPROM does not support tryboot (capabilities 0x%x, bit 3 clear);"
                    + " update it with rpi-eeprom-update.", caps.get());
        }
        if (platform.throttleFiles().isEmpty()) {
            return "This kernel (" + platform.kernelRelease().orElse("unknown") + ") is not Raspberry Pi OS's kernel:"
                    + " it cannot pass the tryboot flag to the firmware (reboot '0 tryboot' needs the Raspberry Pi"
                    + " firmware driver), so the overclock would not be tried safely. Use Raspberry Pi OS's kernel,"
                    + " or set tryboot.mode=force if this kernel has that driver.";
        }
        return null;
    }

    private static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
