package org.bakusoku.cpu.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SystemActions} through the image's root helper ({@code os-image/overlay-cpu}:
 * {@code /usr/libexec/bakusoku/bakusoku-cpu-helper}, allowed to the appliance user by one sudoers line).
 * The helper accepts only these verbs, checks every argument, writes only {@code config.txt} and
 * {@code tryboot.txt}, and only when they differ from the current {@code config.txt} inside the bakusoku
 * block alone:
 * <pre>
 *   write-boot config.txt|tryboot.txt STAGED_FILE   backup, validate, atomic replace
 *   delete-boot tryboot.txt                          backup, delete
 *   check-boot                                       exit 0 when the boot partition is writable
 *   reboot tryboot|normal
 *   governor NAME                                    on every policy, NAME from scaling_available_governors
 * </pre>
 */
final class HelperActions implements SystemActions {

    private final List<String> command;
    private final Path stagingDir;

    /**
     * @param command    the helper command, e.g. {@code [sudo, -n, /usr/libexec/bakusoku/bakusoku-cpu-helper]}
     * @param stagingDir a folder of the appliance where candidate files are written for the helper to read
     */
    HelperActions(List<String> command, Path stagingDir) {
        this.command = List.copyOf(command);
        this.stagingDir = stagingDir;
    }

    @Override
    public void writeBootFile(BootPartition boot, String name, byte[] content) throws IOException {
        Files.createDirectories(stagingDir);
        Path staged = stagingDir.resolve(name);
        Files.write(staged, content);
        try {
            run("write-boot", name, staged.toAbsolutePath().toString());
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    @Override
    public void deleteBootFile(BootPartition boot, String name) throws IOException {
        run("delete-boot", name);
    }

    @Override
    public void checkBootWritable(BootPartition boot) throws IOException {
        run("check-boot");
    }

    @Override
    public void reboot(boolean tryboot) throws IOException {
        run("reboot", tryboot ? "tryboot" : "normal");
    }

    @Override
    public void setGovernor(String governor) throws IOException {
        run("governor", governor);
    }

    private void run(String... args) throws IOException {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(args));
        Commands.run(full);
    }
}
