package org.bakusoku.camera.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A network camera stand-in on 127.0.0.1: the JDK's HTTP server answering {@code GET /video.mjpg} with
 * {@code multipart/x-mixed-replace} MJPEG (one JPEG per part, with {@code Content-Type} and {@code Content-Length}
 * headers, as IP cameras and mjpg-streamer send it), looping over the given JPEGs at a fixed rate. With credentials,
 * requests need HTTP Basic authorization, else 401 with a Basic challenge.
 */
public final class MjpegTestServer implements Closeable {

    private static final String BOUNDARY = "bakusokuframe";

    private final HttpServer server;
    private final List<byte[]> jpegs;
    private final long periodMs;
    private final String expectedAuth;

    /**
     * @param jpegs    JPEG images to send in a loop
     * @param fps      frames per second
     * @param user     required user, or null for none
     * @param password required password
     * @throws IOException if no port can be bound
     */
    public MjpegTestServer(List<byte[]> jpegs, double fps, String user, String password) throws IOException {
        this.jpegs = List.copyOf(jpegs);
        this.periodMs = Math.round(1000 / fps);
        this.expectedAuth = user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/video.mjpg", this::stream);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mjpeg-test-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** @return the stream URL, without credentials */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/video.mjpg";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void stream(HttpExchange exchange) throws IOException {
        if (expectedAuth != null && !expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test camera\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "multipart/x-mixed-replace; boundary=" + BOUNDARY);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                byte[] jpeg = jpegs.get(i % jpegs.size());
                out.write(("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(jpeg);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                TimeUnit.MILLISECONDS.sleep(periodMs);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }
}
