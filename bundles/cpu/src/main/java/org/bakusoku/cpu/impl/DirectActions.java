package org.bakusoku.cpu.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@link SystemActions} done by this process through the {@link SysRoot}: needs root on a Pi (or a writable
 * temp tree in tests). Backups go to {@code <boot>/bakusoku-backups/<name>.<UTC time>}; the newest
 * {@value #KEPT_BACKUPS} per file are kept.
 */
final class DirectActions implements SystemActions {

    /** Backups kept per file. */
    static final int KEPT_BACKUPS = 20;

    /** Performs the reboot request. */
    @FunctionalInterface
    interface Rebooter {
        /**
         * @param tryboot true for {@code reboot '0 tryboot'}
         * @throws IOException if refused
         */
        void reboot(boolean tryboot) throws IOException;
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final SysRoot root;
    private final LongSupplier clockMs;
    private final Rebooter rebooter;
    private final Cpufreq cpufreq;

    /**
     * @param root     the system files
     * @param clockMs  wall clock, epoch ms, for backup names
     * @param rebooter performs reboots
     */
    DirectActions(SysRoot root, LongSupplier clockMs, Rebooter rebooter) {
        this.root = root;
        this.clockMs = clockMs;
        this.rebooter = rebooter;
        this.cpufreq = new Cpufreq(root);
    }

    /** @return the production rebooter: systemd's {@code reboot} with the firmware argument */
    static Rebooter systemReboot() {
        return tryboot -> Commands.run(tryboot ? List.of("reboot", "0 tryboot") : List.of("reboot"));
    }

    @Override
    public void writeBootFile(BootPartition boot, String name, byte[] content) throws IOException {
        Path target = boot.dir().resolve(name);
        backup(boot, name);
        root.writeAtomically(target, content);
    }

    @Override
    public void deleteBootFile(BootPartition boot, String name) throws IOException {
        if (Files.exists(boot.dir().resolve(name))) {
            backup(boot, name);
            root.delete(boot.dir().resolve(name));
        }
    }

    @Override
    public void checkBootWritable(BootPartition boot) throws IOException {
        Path probe = boot.dir().resolve(".bakusoku-write-test");
        root.writeAtomically(probe, new byte[0]);
        root.delete(probe);
    }

    @Override
    public void reboot(boolean tryboot) throws IOException {
        rebooter.reboot(tryboot);
    }

    @Override
    public void setGovernor(String governor) throws IOException {
        try {
            cpufreq.setGovernor(governor);
        } catch (org.bakusoku.cpu.CpuException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void backup(BootPartition boot, String name) throws IOException {
        Path source = boot.dir().resolve(name);
        if (!Files.exists(source)) {
            return;
        }
        Path folder = boot.dir().resolve(BootPartition.BACKUPS);
        root.createFolder(folder);
        String stamp = STAMP.format(Instant.ofEpochMilli(clockMs.getAsLong()));
        Path target = folder.resolve(name + "." + stamp);
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve(name + "." + stamp + "-" + n);
        }
        root.writeAtomically(target, Files.readAllBytes(source));
        prune(folder, name);
    }

    /** Keeps the newest backups of one file; names sort by time because the stamp is fixed-width UTC. */
    private void prune(Path folder, String name) throws IOException {
        List<Path> backups;
        try (var stream = Files.list(folder)) {
            backups = stream.filter(p -> p.getFileName().toString().startsWith(name + ".")).sorted().toList();
        }
        for (int i = 0; i < backups.size() - KEPT_BACKUPS; i++) {
            root.delete(backups.get(i));
        }
    }
}
