package org.bakusoku.webconsole.internal.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: who did what, when, from where; one line per login, failed login, logout, password
 * change and state-changing request, in {@code <data>/}{@value #FILE} (mode 0600: it names users and
 * client addresses).
 *
 * <p>Line format (UTF-8, fields separated by one space):
 * <pre>2026-11-29T13:35:00.123Z who=admin via=session from=192.168.1.20 what="POST /system/console/bundles" result=302</pre>
 * Values written here come partly from the client (paths), so every field is cleaned: characters outside
 * printable ASCII, quotes, backslashes and spaces in unquoted fields are percent-encoded, long values cut,
 * so one request cannot forge a second line. Query strings are never written (they can carry tokens).
 *
 * <p>Size is bounded: when the file passes {@code maxBytes} it is renamed to {@code audit.log.1} (older
 * files shift up to {@code audit.log.<files-1>}, the oldest is dropped), so the trail never takes more than
 * about {@code files * maxBytes}. Each line is fsynced (fdatasync) before the request goes on, so a power cut
 * loses no line that was recorded.
 */
public final class AuditLog {

    /** File name in the data folder. */
    public static final String FILE = "audit.log";
    private static final int MAX_FIELD_CHARS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final Path file;
    private final Clock clock;
    private volatile long maxBytes;
    private volatile int files;
    private boolean failedBefore;

    /**
     * @param dataDir  the data folder
     * @param clock    wall clock for the time stamps
     * @param maxBytes size at which the file is rotated, bytes, &gt; 0
     * @param files    files kept including the current one, &ge; 1
     */
    public AuditLog(Path dataDir, Clock clock, long maxBytes, int files) {
        this.file = dataDir.resolve(FILE);
        this.clock = clock;
        configure(maxBytes, files);
    }

    /**
     * @param maxBytes size at which the file is rotated, bytes, &gt; 0
     * @param files    files kept including the current one, &ge; 1
     */
    public void configure(long maxBytes, int files) {
        this.maxBytes = maxBytes;
        this.files = files;
    }

    /**
     * Appends one line. Never throws: a failing disk is logged once and the request goes on.
     *
     * @param who    user name, or {@code -} when unknown
     * @param via    how the caller proved who it is ({@code session}, {@code basic}, {@code token:<id>},
     *               {@code form}) or {@code -}
     * @param from   client address
     * @param what   the event, e.g. {@code "login"} or {@code "POST /system/console/bundles"}
     * @param result outcome, e.g. {@code ok}, {@code refused}, an HTTP status
     */
    public synchronized void record(String who, String via, String from, String what, String result) {
        String line = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS) + " who=" + word(who) + " via=" + word(via) + " from=" + word(from)
                + " what=\"" + quoted(what) + "\" result=" + word(result) + "\n";
        try {
            rotateIfFull();
            try (FileChannel out = SecretFiles.openOwnerOnlyForAppend(file)) {
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                // Durable at once: with ext4's delayed allocation a power cut could otherwise leave zeros in
                // place of the last lines. Audit lines are rare (logins, changes), so SD wear does not matter.
                out.force(false);
            }
            failedBefore = false;
        } catch (IOException e) {
            if (!failedBefore) {
                LOG.error("cannot write the audit log {}: {}", file, e.getMessage());
                failedBefore = true;
            }
        }
    }

    private void rotateIfFull() throws IOException {
        if (!Files.exists(file) || Files.size(file) < maxBytes) {
            return;
        }
        int keep = files;
        if (keep == 1) {
            Files.delete(file);
            return;
        }
        Files.deleteIfExists(numbered(keep - 1));
        for (int i = keep - 2; i >= 1; i--) {
            if (Files.exists(numbered(i))) {
                Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
    }

    private Path numbered(int i) {
        return file.resolveSibling(FILE + "." + i);
    }

    private static String word(String value) {
        return clean(value == null || value.isEmpty() ? "-" : value, true);
    }

    private static String quoted(String value) {
        return clean(value == null ? "" : value, false);
    }

    private static String clean(String value, boolean escapeSpace) {
        String cut = value.length() > MAX_FIELD_CHARS ? value.substring(0, MAX_FIELD_CHARS) + "..." : value;
        StringBuilder out = new StringBuilder(cut.length());
        for (byte b : cut.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x21 && !(c == ' ' && !escapeSpace) || c > 0x7e || c == '"' || c == '\\' || c == '%') {
                out.append('%').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
