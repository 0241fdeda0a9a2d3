package org.bakusoku.camera.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.bakusoku.camera.file.RgbImage;
import org.bakusoku.camera.supervise.Launcher.LaunchException;
import org.bakusoku.camera.supervise.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A decoder child process ({@code ffmpeg}, {@code rpicam-vid}) writing frames to its standard output: one thread
 * reads and publishes frames, one drains standard error (a full stderr pipe would block the decoder) and keeps its
 * last lines for the {@link Diagnosis}. The decoder runs in its own process, so a decoder crash ends this session,
 * never the JVM. {@link #close()} ends the process and all its descendants and joins both threads.
 */
public final class DecoderSession implements Session {

    /** Prefix of the reader threads' names; tests count threads by it. */
    public static final String THREAD_PREFIX = "bakusoku-camera-decoder";

    private static final Logger LOG = LoggerFactory.getLogger(DecoderSession.class);
    private static final int KEPT_LINES = 20;
    private static final long TERM_GRACE_MS = 1_000;
    private static final long JOIN_MS = 3_000;

    private final Process process;
    private final String program;
    private final Redactor redactor;
    private final LongSupplier clock;
    private final ArrayDeque<String> lastLines = new ArrayDeque<>();
    private final Thread reader;
    private final Thread stderr;
    private volatile long frames;
    private volatile long lastFrameNanos;
    private volatile boolean ended;
    private volatile String readError = "";

    private DecoderSession(Process process, String program, FrameReader frameReader, Consumer<RgbImage> sink,
            Redactor redactor, LongSupplier clock) {
        this.process = process;
        this.program = program;
        this.redactor = redactor;
        this.clock = clock;
        this.stderr = new Thread(this::drainStderr, THREAD_PREFIX + "-stderr");
        this.reader = new Thread(() -> readFrames(frameReader, sink), THREAD_PREFIX + "-frames");
        stderr.setDaemon(true);
        reader.setDaemon(true);
    }

    /**
     * Starts the decoder and its two threads.
     *
     * @param command     program and arguments; may contain credentials (never logged: see {@code redactor})
     * @param frameReader parses the decoder's standard output
     * @param sink        receives every frame, on the reader thread
     * @param redactor    removes credentials from every line that is kept or logged
     * @param clock       the supervisor's nanosecond clock, for {@link #lastFrameNanos()}
     * @return the running session
     * @throws LaunchException (fatal) if the program cannot be started, e.g. not installed
     */
    public static DecoderSession start(List<String> command, FrameReader frameReader, Consumer<RgbImage> sink,
            Redactor redactor, LongSupplier clock) throws LaunchException {
        String program = command.get(0);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close(); // the decoder reads nothing from us
        } catch (IOException e) {
            throw new LaunchException(program + " cannot be started (" + redactor.redact(e.getMessage())
                    + "); is it installed? On Raspberry Pi OS / Debian: apt-get install " + packageOf(program), true);
        }
        LOG.debug("camera: started {} (pid {}): {}", program, process.pid(),
                redactor.redact(String.join(" ", command)));
        DecoderSession session = new DecoderSession(process, program, frameReader, sink, redactor, clock);
        session.stderr.start();
        session.reader.start();
        return session;
    }

    @Override
    public long frames() {
        return frames;
    }

    @Override
    public long lastFrameNanos() {
        return lastFrameNanos;
    }

    @Override
    public boolean ended() {
        return ended;
    }

    @Override
    public Diagnosis diagnosis() {
        List<String> lines;
        synchronized (lastLines) {
            lines = List.copyOf(lastLines);
        }
        if (!readError.isEmpty()) {
            lines = new ArrayList<>(lines);
            lines.add(readError);
        }
        Integer exit = process.isAlive() ? null : process.exitValue();
        return Diagnosis.of(lines, exit, program);
    }

    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(TERM_GRACE_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(TERM_GRACE_MS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly); // e.g. a wrapper script's children
        closeQuietly(process.getInputStream());
        join(reader);
        join(stderr);
        closeQuietly(process.getErrorStream());
    }

    private void readFrames(FrameReader frameReader, Consumer<RgbImage> sink) {
        try (InputStream in = process.getInputStream()) {
            for (RgbImage image = frameReader.next(in); image != null; image = frameReader.next(in)) {
                sink.accept(image);
                lastFrameNanos = clock.getAsLong();
                frames++;
            }
        } catch (IOException | RuntimeException e) {
            if (process.isAlive()) {
                readError = redactor.redact(String.valueOf(e.getMessage()));
            }
        } finally {
            try {
                process.waitFor(TERM_GRACE_MS, TimeUnit.MILLISECONDS); // so the diagnosis sees the exit code
                join(stderr); // and the last error lines
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended = true;
        }
    }

    private void drainStderr() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String clean = redactor.redact(line);
                LOG.debug("camera: {}: {}", program, clean);
                synchronized (lastLines) {
                    if (lastLines.size() == KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(clean);
                }
            }
        } catch (IOException e) {
            // closed by close(): nothing more to read
        }
    }

    private static void join(Thread thread) {
        if (thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing to do: the process is gone
        }
    }

    private static String packageOf(String program) {
        String name = program.substring(program.lastIndexOf('/') + 1);
        return name.equals("ffmpeg") ? "ffmpeg" : name.startsWith("rpicam") ? "rpicam-apps" : name;
    }
}
