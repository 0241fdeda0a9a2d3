package org.bakusoku.cpu.impl;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

import org.bakusoku.cpu.TrybootPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tryboot state, kept across reboots in the appliance's data folder ({@code <bakusoku.data>/cpu/}),
 * with a copy of a {@code tryboot.txt} that was there before the appliance wrote its own.
 */
final class TrybootStore {

    /**
     * One persisted state.
     *
     * @param phase        the phase
     * @param profile      the profile concerned, or "" for none
     * @param sinceMs      when the phase began, epoch ms
     * @param stagedBootId boot id when the candidate was staged
     * @param trialBootId  boot id of the trial boot, or ""
     * @param trialStartMs when the trial began, epoch ms, or 0
     * @param configSha256 SHA-256 of config.txt when the candidate was staged
     * @param message      what happened, for people
     */
    record State(TrybootPhase phase, String profile, long sinceMs, String stagedBootId, String trialBootId,
            long trialStartMs, String configSha256, String message) {

        static final State NONE = new State(TrybootPhase.NONE, "", 0, "", "", 0, "", "No overclock change pending.");

        State with(TrybootPhase newPhase, long nowMs, String newMessage) {
            return new State(newPhase, profile, nowMs, stagedBootId, trialBootId, trialStartMs, configSha256, newMessage);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(TrybootStore.class);

    private final Path folder;

    /** @param folder the folder of the state file, created on first save */
    TrybootStore(Path folder) {
        this.folder = folder;
    }

    /** @return the saved state, or {@link State#NONE} when there is none or it cannot be read (logged) */
    State load() {
        Path file = folder.resolve("tryboot.properties");
        if (!Files.exists(file)) {
            return State.NONE;
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
            return new State(TrybootPhase.valueOf(p.getProperty("phase", "NONE")), p.getProperty("profile", ""),
                    Long.parseLong(p.getProperty("since.ms", "0")), p.getProperty("staged.boot.id", ""),
                    p.getProperty("trial.boot.id", ""), Long.parseLong(p.getProperty("trial.start.ms", "0")),
                    p.getProperty("config.sha256", ""), p.getProperty("message", ""));
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("tryboot state {} is unreadable ({}); treating it as no change pending", file, e.toString());
            return State.NONE;
        }
    }

    /**
     * @param state the state to keep, written atomically
     * @throws IOException if it cannot be written
     */
    void save(State state) throws IOException {
        Properties p = new Properties();
        p.setProperty("phase", state.phase().name());
        p.setProperty("profile", state.profile());
        p.setProperty("since.ms", Long.toString(state.sinceMs()));
        p.setProperty("staged.boot.id", state.stagedBootId());
        p.setProperty("trial.boot.id", state.trialBootId());
        p.setProperty("trial.start.ms", Long.toString(state.trialStartMs()));
        p.setProperty("config.sha256", state.configSha256());
        p.setProperty("message", state.message());
        StringWriter text = new StringWriter();
        p.store(text, "Bakusoku overclock tryboot state");
        write("tryboot.properties", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Keeps the user's own tryboot.txt while the appliance's candidate occupies its place.
     *
     * @param content its bytes, or null to forget a kept copy
     * @throws IOException if it cannot be written
     */
    void keepUserTryboot(byte[] content) throws IOException {
        if (content == null) {
            Files.deleteIfExists(folder.resolve("user-tryboot.txt"));
        } else {
            write("user-tryboot.txt", content);
        }
    }

    /** @return the kept user tryboot.txt, if any */
    Optional<byte[]> userTryboot() {
        try {
            Path file = folder.resolve("user-tryboot.txt");
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            LOG.error("kept user tryboot.txt is unreadable: {}", e.toString());
            return Optional.empty();
        }
    }

    private void write(String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path temp = folder.resolve(name + ".tmp");
        Files.write(temp, content);
        Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
