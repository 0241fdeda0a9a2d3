package org.bakusoku.cpu.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The firmware's boot partition: {@code /boot/firmware} on Raspberry Pi OS bookworm and Debian,
 * {@code /boot} before (Raspberry Pi documentation, "config.txt": the file moved with bookworm).
 *
 * @param dir     the folder under the system root
 * @param display the folder as on the device, e.g. {@code /boot/firmware}
 */
record BootPartition(Path dir, String display) {

    /** The normal boot configuration. */
    static final String CONFIG = "config.txt";
    /** Read instead of config.txt once, when the reboot carried the tryboot flag. */
    static final String TRYBOOT = "tryboot.txt";
    /** Folder of backups, on the boot partition beside the files they copy. */
    static final String BACKUPS = "bakusoku-backups";

    /** Searched in this order when the folder is not configured. */
    static final List<String> CANDIDATES = List.of("/boot/firmware", "/boot");

    /**
     * @param root       the system files
     * @param configured the configured folder as on the device, or blank to search {@link #CANDIDATES}
     * @return the first folder holding a {@code config.txt}; empty when there is none
     */
    static Optional<BootPartition> locate(SysRoot root, String configured) {
        List<String> folders = configured == null || configured.isBlank() ? CANDIDATES : List.of(configured.strip());
        for (String folder : folders) {
            Path dir = root.path(folder);
            if (Files.isRegularFile(dir.resolve(CONFIG))) {
                return Optional.of(new BootPartition(dir, root.display(dir)));
            }
        }
        return Optional.empty();
    }

    /**
     * @param name a file of the partition, e.g. {@link #CONFIG}
     * @return its bytes, or empty when it does not exist
     * @throws IOException if it exists but cannot be read
     */
    Optional<byte[]> read(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    /** @return where a file is shown to people, e.g. {@code /boot/firmware/config.txt} */
    String show(String name) {
        return display + (display.endsWith("/") ? "" : "/") + name;
    }
}
