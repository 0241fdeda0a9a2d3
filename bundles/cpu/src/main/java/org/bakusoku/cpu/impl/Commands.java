package org.bakusoku.cpu.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short system command and turns a failure into an {@link IOException} that carries its output. */
final class Commands {

    /** A command that takes longer is killed: the helper and {@code reboot} return within a second or two. */
    static final long TIMEOUT_S = 30;

    private Commands() {
    }

    /**
     * @param command program and arguments, no shell
     * @return what it printed (stdout and stderr together), stripped
     * @throws IOException if it cannot start, times out, or exits with a status other than 0; the message
     *                     holds its last output line
     */
    static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT_S + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                String last = output.isEmpty() ? "no output" : output.substring(output.lastIndexOf('\n') + 1);
                throw new IOException(command.get(0) + " exited with status " + process.exitValue() + ": " + last);
            }
            return output;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + " was interrupted", e);
        }
    }
}
