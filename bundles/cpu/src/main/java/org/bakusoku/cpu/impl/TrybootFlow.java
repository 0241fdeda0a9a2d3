package org.bakusoku.cpu.impl;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.bakusoku.cpu.BoardInfo;
import org.bakusoku.cpu.OverclockProfile;
import org.bakusoku.cpu.ThrottleState;
import org.bakusoku.cpu.TrybootPhase;
import org.bakusoku.cpu.impl.TrybootStore.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tryboot state machine (Raspberry Pi documentation, "Fail-safe OS updates (tryboot)"):
 * <pre>
 *   NONE/COMMITTED/REVERTED --stage--> STAGED --boot with the tryboot flag--> TRIAL --healthy period--> COMMITTED
 *                                        |                                      '--unhealthy--> REVERTED (+ normal reboot)
 *                                        '--boot without the flag (reset, no kernel support)--> REVERTED
 *   TRIAL --any new boot (crash, reset, power loss)--> REVERTED
 * </pre>
 * {@code config.txt} is written only on commit; every other path leaves it byte-identical. The appliance's
 * candidate in {@code tryboot.txt} is removed when the flow ends (a user's own {@code tryboot.txt} is put back).
 */
final class TrybootFlow {

    /**
     * What a trial must show.
     *
     * @param trialMs         length of the health period, ms
     * @param maxTemperatureC the trial fails at or above this SoC temperature, °C
     * @param minFrames       frames the appliance must analyse during the period (0: not checked)
     */
    record Rules(long trialMs, double maxTemperatureC, long minFrames) {
    }

    /**
     * One health reading during a trial.
     *
     * @param temperatureC SoC temperature, °C, or null
     * @param throttle     firmware flags, or null when unknown
     * @param frames       frames analysed since the appliance started (a counter)
     */
    record Health(Double temperatureC, ThrottleState throttle, long frames) {
    }

    /** What the caller must do after {@link #check}. */
    enum Outcome {
        /** Nothing. */
        NONE,
        /** The trial failed: reboot normally so that config.txt's clock comes back. */
        REBOOT_NORMAL
    }

    private static final Logger LOG = LoggerFactory.getLogger(TrybootFlow.class);

    private final TrybootStore store;
    private final Supplier<Optional<BootPartition>> boot;
    private final Supplier<SystemActions> actions;
    private final LongSupplier clockMs;
    private State state;
    private long framesAtTrialStart;

    /**
     * @param store   the persisted state
     * @param boot    the boot partition, located anew each time (its folder is configurable)
     * @param actions the privileged writes, chosen anew each time (helper or direct)
     * @param clockMs wall clock, epoch ms
     */
    TrybootFlow(TrybootStore store, Supplier<Optional<BootPartition>> boot, Supplier<SystemActions> actions,
            LongSupplier clockMs) {
        this.store = store;
        this.boot = boot;
        this.actions = actions;
        this.clockMs = clockMs;
        this.state = store.load();
    }

    /** @return the current state */
    synchronized State state() {
        return state;
    }

    /**
     * Writes the candidate to {@code tryboot.txt}: {@code config.txt} with the profile's block. The caller
     * then reboots with the tryboot flag.
     *
     * @param profile the overclock profile (not stock)
     * @param board   the board, for the block's model filter
     * @param bootId  this boot's id
     * @throws IOException if a file cannot be read or written; the state is then unchanged
     */
    synchronized void stage(OverclockProfile profile, BoardInfo board, String bootId) throws IOException {
        BootPartition partition = boot.get().orElseThrow(() -> new IOException("no config.txt found"));
        byte[] config = partition.read(BootPartition.CONFIG).orElseThrow(() -> new IOException("config.txt vanished"));
        BootConfigText candidate = BootConfigText.of(config)
                .withBlock(Profiles.settings(profile), profile.id(), Profiles.filter(board.family()));
        Optional<byte[]> userTryboot = partition.read(BootPartition.TRYBOOT)
                .filter(bytes -> !BootConfigText.of(bytes).toString().contains(BootConfigText.BEGIN));
        if (userTryboot.isPresent() && store.userTryboot().isEmpty()) {
            store.keepUserTryboot(userTryboot.get());
        }
        actions.get().writeBootFile(partition, BootPartition.TRYBOOT, candidate.bytes());
        long now = clockMs.getAsLong();
        save(new State(TrybootPhase.STAGED, profile.id(), now, bootId, "", 0, sha256(config),
                "Candidate " + profile.id() + " written to " + partition.show(BootPartition.TRYBOOT)
                        + "; rebooting into it once."));
        LOG.info("overclock {} staged in {}; config.txt unchanged", profile.id(), partition.show(BootPartition.TRYBOOT));
    }

    /**
     * The reboot into tryboot could not be requested: the candidate is withdrawn.
     *
     * @param reason why, for people
     */
    synchronized void rebootFailed(String reason) {
        revert("The reboot into tryboot failed (" + reason + "); nothing was changed.");
    }

    /**
     * Continues the flow after the appliance started.
     *
     * @param bootId      this boot's id
     * @param trybootBoot true when the firmware booted with the tryboot flag
     * @param frames      the frame counter now
     */
    synchronized void resume(String bootId, boolean trybootBoot, long frames) {
        switch (state.phase()) {
            case STAGED -> {
                if (bootId.equals(state.stagedBootId())) {
                    LOG.info("overclock {} staged in this boot; waiting for the reboot", state.profile());
                } else if (trybootBoot) {
                    long now = clockMs.getAsLong();
                    framesAtTrialStart = frames;
                    save(new State(TrybootPhase.TRIAL, state.profile(), now, state.stagedBootId(), bootId, now,
                            state.configSha256(), "Running on " + state.profile() + " from tryboot.txt; health period started."));
                    LOG.info("booted into tryboot with overclock {}: trial started", state.profile());
                } else {
                    revert("The Pi booted config.txt instead of tryboot.txt (it was reset, or the kernel did not pass"
                            + " the tryboot flag); config.txt is unchanged.");
                }
            }
            case TRIAL -> {
                if (bootId.equals(state.trialBootId())) {
                    framesAtTrialStart = frames;
                    LOG.info("appliance restarted during the overclock {} trial; trial continues", state.profile());
                } else {
                    revert("The Pi restarted during the trial of " + state.profile()
                            + " (crash, reset or power loss) and booted config.txt again; config.txt is unchanged.");
                }
            }
            default -> {
                // nothing pending
            }
        }
    }

    /**
     * Checks one health reading during a trial; commits after a healthy period.
     *
     * @param health the reading
     * @param rules  what the trial must show
     * @return {@link Outcome#REBOOT_NORMAL} when the trial failed while running the candidate
     */
    synchronized Outcome check(Health health, Rules rules) {
        if (state.phase() != TrybootPhase.TRIAL) {
            return Outcome.NONE;
        }
        List<String> problems = new ArrayList<>();
        if (health.throttle() != null && health.throttle().any()) {
            problems.add("firmware flags " + String.join(", ", health.throttle().now()) + " now / "
                    + String.join(", ", health.throttle().sinceBoot()) + " since boot");
        }
        if (health.temperatureC() != null && health.temperatureC() >= rules.maxTemperatureC()) {
            problems.add(String.format(java.util.Locale.ROOT, "temperature %.1f °C reached the limit %.1f °C",
                    health.temperatureC(), rules.maxTemperatureC()));
        }
        if (!problems.isEmpty()) {
            revert("The trial of " + state.profile() + " failed: " + String.join("; ", problems)
                    + ". Rebooting into the unchanged config.txt.");
            return Outcome.REBOOT_NORMAL;
        }
        if (clockMs.getAsLong() - state.trialStartMs() < rules.trialMs()) {
            return Outcome.NONE;
        }
        long frames = health.frames() - framesAtTrialStart;
        if (frames < rules.minFrames()) {
            revert("The trial of " + state.profile() + " failed: only " + frames + " frames were analysed in "
                    + rules.trialMs() / 1000 + " s (at least " + rules.minFrames()
                    + " needed). Rebooting into the unchanged config.txt.");
            return Outcome.REBOOT_NORMAL;
        }
        return commit() ? Outcome.NONE : Outcome.REBOOT_NORMAL;
    }

    private boolean commit() {
        String profileId = state.profile();
        try {
            BootPartition partition = boot.get().orElseThrow(() -> new IOException("no config.txt found"));
            byte[] config = partition.read(BootPartition.CONFIG).orElseThrow(() -> new IOException("config.txt vanished"));
            if (!sha256(config).equals(state.configSha256())) {
                revert("config.txt was changed by someone else during the trial of " + profileId
                        + "; the candidate was not committed. Rebooting into config.txt.");
                return false;
            }
            byte[] candidate = partition.read(BootPartition.TRYBOOT).orElseThrow(
                    () -> new IOException("tryboot.txt vanished during the trial"));
            actions.get().writeBootFile(partition, BootPartition.CONFIG, candidate);
            removeCandidate(partition);
            save(state.with(TrybootPhase.COMMITTED, clockMs.getAsLong(), "Overclock " + profileId
                    + " passed the health period and is now in " + partition.show(BootPartition.CONFIG) + "."));
            LOG.info("overclock {} committed to config.txt", profileId);
            return true;
        } catch (IOException e) {
            revert("Committing " + profileId + " to config.txt failed (" + e.getMessage()
                    + "); config.txt is unchanged. Rebooting into it.");
            return false;
        }
    }

    /** Ends the flow without touching config.txt. */
    private void revert(String reason) {
        try {
            Optional<BootPartition> partition = boot.get();
            if (partition.isPresent()) {
                removeCandidate(partition.get());
            }
        } catch (IOException e) {
            reason += " Removing the candidate from tryboot.txt failed too (" + e.getMessage()
                    + "); it is harmless: the firmware reads tryboot.txt only after a tryboot reboot.";
        }
        save(state.with(TrybootPhase.REVERTED, clockMs.getAsLong(), reason));
        LOG.warn("overclock {} reverted: {}", state.profile(), reason);
    }

    /** Puts a user's own tryboot.txt back, or deletes the appliance's. */
    private void removeCandidate(BootPartition partition) throws IOException {
        Optional<byte[]> user = store.userTryboot();
        if (user.isPresent()) {
            actions.get().writeBootFile(partition, BootPartition.TRYBOOT, user.get());
            store.keepUserTryboot(null);
        } else {
            actions.get().deleteBootFile(partition, BootPartition.TRYBOOT);
        }
    }

    private void save(State next) {
        state = next;
        try {
            store.save(next);
        } catch (IOException e) {
            LOG.error("cannot save the tryboot state {}: {}", next.phase(), e.toString());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
