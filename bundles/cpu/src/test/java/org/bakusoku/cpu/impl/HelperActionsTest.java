package org.bakusoku.cpu.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helper protocol against a stand-in script that logs its arguments and the staged file. */
class HelperActionsTest {

    @TempDir
    Path dir;

    private Path helper(String body) throws IOException {
        Path script = dir.resolve("helper.sh");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void passesVerbsAndAStagedCopyToTheHelper() throws Exception {
        Path log = dir.resolve("log");
        Path script = helper("echo \"$@\" >> " + log + "\n[ \"$1\" = write-boot ] && cat \"$3\" >> " + log + "\nexit 0\n");
        HelperActions actions = new HelperActions(List.of("/bin/sh", script.toString()), dir.resolve("staging"));
        BootPartition boot = new BootPartition(dir.resolve("boot"), "/boot/firmware");

        actions.writeBootFile(boot, "tryboot.txt", "arm_freq=1750\n".getBytes());
        actions.deleteBootFile(boot, "tryboot.txt");
        actions.reboot(true);
        actions.setGovernor("performance");

        assertThat(Files.readAllLines(log)).containsExactly(
                "write-boot tryboot.txt " + dir.resolve("staging/tryboot.txt"), "arm_freq=1750",
                "delete-boot tryboot.txt", "reboot tryboot", "governor performance");
        assertThat(dir.resolve("staging/tryboot.txt")).doesNotExist();
    }

    @Test
    void reportsTheHelpersLastLineOnFailure() throws Exception {
        Path script = helper("echo 'checking /boot/firmware' \necho 'boot partition is read-only' >&2\nexit 3\n");
        HelperActions actions = new HelperActions(List.of("/bin/sh", script.toString()), dir.resolve("staging"));

        assertThatThrownBy(() -> actions.checkBootWritable(new BootPartition(dir, "/boot/firmware")))
                .isInstanceOf(IOException.class).hasMessage("/bin/sh exited with status 3: boot partition is read-only");
    }
}
