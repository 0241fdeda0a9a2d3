package org.bakusoku.camera.testing;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal RTSP relay on 127.0.0.1 for tests, standing in for a network camera: a publisher (ffmpeg with
 * {@code -f rtsp -rtsp_transport tcp}, its real RTSP muxer) ANNOUNCEs an SDP and RECORDs RTP packets interleaved on
 * its TCP connection (RFC 2326 section 10.12); readers (ffmpeg's real RTSP client under test) DESCRIBE, SETUP with
 * TCP interleaving and PLAY, and receive the publisher's packets unchanged. ffmpeg alone cannot serve PLAY clients
 * ({@code -rtsp_flags listen} only accepts a publisher) and Debian has no mediamtx, hence this relay.
 *
 * <p>With credentials set, a reader's DESCRIBE needs HTTP Basic authorization, else 401 with a Basic challenge, as
 * real cameras answer. One stream only; interleaved channels are passed through as the publisher numbers them
 * (ffmpeg uses 0-1 for the first stream on both sides). Test code: no timeouts, no RTCP processing.
 */
public final class RtspTestRelay implements Closeable {

    private final ServerSocket server;
    private final String user;
    private final String password;
    private final List<OutputStream> readers = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private volatile String sdp;

    /**
     * @param user     required user name, or null for no authentication
     * @param password required password
     * @throws IOException if no port can be bound
     */
    public RtspTestRelay(String user, String password) throws IOException {
        this.user = user;
        this.password = password;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "rtsp-test-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the port listened on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return the URL of the stream, without credentials */
    public String url() {
        return "rtsp://127.0.0.1:" + port() + "/live";
    }

    /** @return how many DESCRIBE requests were refused with 401 */
    public int unauthorizedCount() {
        return unauthorized.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread t = new Thread(() -> serve(socket), "rtsp-test-relay-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            boolean publisher = false;
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return;
                }
                if (first == '$') { // interleaved packet: channel, 16-bit length, data
                    int channel = in.readUnsignedByte();
                    byte[] data = new byte[in.readUnsignedShort()];
                    in.readFully(data);
                    if (publisher) {
                        forward(channel, data);
                    }
                    continue;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                String requestLine = (char) first + line(in);
                for (String h = line(in); !h.isEmpty(); h = line(in)) {
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
                }
                byte[] body = new byte[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
                in.readFully(body);
                String method = requestLine.split(" ")[0];
                String cseq = headers.getOrDefault("cseq", "0");
                switch (method) {
                    case "ANNOUNCE" -> {
                        publisher = true;
                        sdp = new String(body, StandardCharsets.UTF_8);
                        reply(out, cseq, "");
                    }
                    case "DESCRIBE" -> describe(out, cseq, headers);
                    case "SETUP" -> reply(out, cseq, "Transport: " + headers.get("transport") + "\r\nSession: 4711\r\n");
                    case "PLAY" -> {
                        reply(out, cseq, "Session: 4711\r\n");
                        readers.add(out);
                    }
                    case "OPTIONS" -> reply(out, cseq,
                            "Public: OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, RECORD, TEARDOWN, GET_PARAMETER\r\n");
                    default -> reply(out, cseq, "Session: 4711\r\n"); // RECORD, GET_PARAMETER, TEARDOWN
                }
            }
        } catch (IOException e) {
            // connection closed
        }
    }

    private void describe(OutputStream out, String cseq, Map<String, String> headers) throws IOException {
        if (user != null) {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(headers.get("authorization"))) {
                unauthorized.incrementAndGet();
                write(out, "RTSP/1.0 401 Unauthorized\r\nCSeq: " + cseq
                        + "\r\nWWW-Authenticate: Basic realm=\"test camera\"\r\nContent-Length: 0\r\n\r\n");
                return;
            }
        }
        for (int i = 0; i < 200 && sdp == null; i++) {
            try {
                Thread.sleep(50); // wait for the publisher to announce (test startup only)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (sdp == null) {
            write(out, "RTSP/1.0 404 Not Found\r\nCSeq: " + cseq + "\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        byte[] body = sdp.getBytes(StandardCharsets.UTF_8);
        write(out, "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\nContent-Base: " + url() + "/\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + body.length + "\r\n\r\n" + sdp);
    }

    private void forward(int channel, byte[] data) {
        byte[] header = { '$', (byte) channel, (byte) (data.length >> 8), (byte) data.length };
        for (OutputStream reader : readers) {
            synchronized (reader) {
                try {
                    reader.write(header);
                    reader.write(data);
                    reader.flush();
                } catch (IOException e) {
                    readers.remove(reader);
                }
            }
        }
    }

    private static void reply(OutputStream out, String cseq, String headers) throws IOException {
        write(out, "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\n" + headers + "Content-Length: 0\r\n\r\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        synchronized (out) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                buf.write(c);
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
