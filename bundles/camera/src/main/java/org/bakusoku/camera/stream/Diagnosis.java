package org.bakusoku.camera.stream;

import java.util.List;
import java.util.Locale;

/**
 * Turns what a decoder printed on its standard error (ffmpeg, rpicam-vid) and its exit code into a short reason
 * for the console, and decides whether retrying can help. Messages matched are those of ffmpeg's RTSP and HTTP
 * clients ({@code "method DESCRIBE failed: 401 Unauthorized"}, {@code "Server returned 401 Unauthorized"}), of
 * the system ({@code strerror} texts) and of rpicam-apps ({@code "no cameras available"}).
 *
 * @param reason what went wrong, for a person; never contains credentials when the lines were redacted
 * @param fatal  true when retrying cannot help until the configuration changes (wrong credentials, forbidden)
 */
public record Diagnosis(String reason, boolean fatal) {

    private static final int MAX_REASON = 200;

    private record Rule(String needle, String reason, boolean fatal) {
    }

    /** First match wins, so the specific messages come before the general ones. */
    private static final List<Rule> RULES = List.of(
            new Rule("unauthorized", "unauthorized: the camera refused the user name or password", true),
            new Rule("forbidden", "forbidden: the camera refused access for this user", true),
            new Rule("connection refused", "connection refused", false),
            new Rule("timed out", "connection timed out", false),
            new Rule("no route to host", "no route to host", false),
            new Rule("network is unreachable", "network unreachable", false),
            new Rule("failed to resolve hostname", "host name not found", false),
            new Rule("name or service not known", "host name not found", false),
            new Rule("404 not found", "stream not found (404): check the URL's path", false),
            new Rule("no cameras available", "no camera detected: check the ribbon cable", false),
            new Rule("device or resource busy", "device busy: another program uses the camera", false),
            new Rule("no such file or directory", "no such device or file", false),
            new Rule("permission denied", "permission denied", false),
            new Rule("invalid data found", "invalid stream data", false));

    /**
     * @param stderrLines the decoder's last error lines, already redacted, oldest first
     * @param exitCode    the exit code, or null if the process was still running or is unknown
     * @param program     the decoder's name or path, for the fallback reason
     * @return the diagnosis
     */
    public static Diagnosis of(List<String> stderrLines, Integer exitCode, String program) {
        for (Rule rule : RULES) {
            for (String line : stderrLines) {
                if (line.toLowerCase(Locale.ROOT).contains(rule.needle())) {
                    return new Diagnosis(rule.reason(), rule.fatal());
                }
            }
        }
        program = program.substring(program.lastIndexOf('/') + 1);
        String last = "";
        for (String line : stderrLines) {
            if (!line.isBlank()) {
                last = line.strip();
            }
        }
        // Java reports a process ended by signal N with exit value 128 + N (e.g. 137 for SIGKILL).
        String exit = exitCode == null ? ""
                : exitCode > 128 && exitCode < 160 ? " (killed by signal " + (exitCode - 128) + ")"
                : " (exit code " + exitCode + ")";
        String reason = last.isEmpty() ? program + " ended" + exit : program + ": " + last + exit;
        return new Diagnosis(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason, false);
    }
}
