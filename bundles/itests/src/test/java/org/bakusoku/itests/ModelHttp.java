package org.bakusoku.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP client for the model API, for ITs inside and outside the framework: HTTP Basic login, a cookie jar
 * (the console session, when the appliance issues one), multipart uploads, and plain-text reading of JSON fields
 * (no JSON library on the Pax Exam probe's class path).
 */
final class ModelHttp {

    /** One answer. */
    record Answer(int status, String body) {

        /**
         * @param field a JSON field name
         * @return the first string or number value of that field in the body, or null
         */
        String field(String field) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.]+"
                    + "|true|false|null)").matcher(body);
            if (!m.find()) {
                return null;
            }
            return m.group(2) != null ? m.group(2) : m.group(1);
        }
    }

    private final String base;
    private final String authorization;
    private final List<String> cookies = new ArrayList<>();

    /**
     * @param base     e.g. {@code http://127.0.0.1:8080}
     * @param password the admin password
     */
    ModelHttp(String base, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** @return the cookies the appliance set so far ({@code name=value}) */
    List<String> cookies() {
        return List.copyOf(cookies);
    }

    Answer get(String path) throws IOException {
        return send("GET", path, null, null, true);
    }

    /** GET with the cookies only, no credentials: is the session still valid? */
    Answer getWithCookiesOnly(String path) throws IOException {
        return send("GET", path, null, null, false);
    }

    Answer post(String path) throws IOException {
        return send("POST", path, null, null, true);
    }

    Answer delete(String path) throws IOException {
        return send("DELETE", path, null, null, true);
    }

    /**
     * {@code POST /api/v1/models} as the console's form sends it.
     *
     * @param name   the name field
     * @param labels label file bytes, or null
     * @param model  model bytes
     */
    Answer upload(String name, byte[] labels, byte[] model) throws IOException {
        String boundary = "----bakusoku" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "name", null, name.getBytes(StandardCharsets.UTF_8));
        if (labels != null) {
            part(body, boundary, "labels", "labels.txt", labels);
        }
        part(body, boundary, "model", "model.tflite", model);
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return send("POST", "/api/v1/models", "multipart/form-data; boundary=" + boundary, body.toByteArray(), true);
    }

    private static void part(ByteArrayOutputStream out, String boundary, String field, String file, byte[] content)
            throws IOException {
        String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\""
                + (file == null ? "" : "; filename=\"" + file + "\"") + "\r\n"
                + (file == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n";
        out.write(header.getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private Answer send(String method, String path, String contentType, byte[] body, boolean login)
            throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(base + path).openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(10_000);
        c.setReadTimeout(120_000);
        if (login) {
            c.setRequestProperty("Authorization", authorization);
        }
        if (!cookies.isEmpty()) {
            c.setRequestProperty("Cookie", String.join("; ", cookies));
        }
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", contentType);
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int status = c.getResponseCode();
        List<String> set = c.getHeaderFields().get("Set-Cookie");
        if (set != null) {
            for (String cookie : set) {
                String pair = cookie.split(";", 2)[0];
                cookies.removeIf(old -> old.startsWith(pair.split("=", 2)[0] + "="));
                cookies.add(pair);
            }
        }
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        c.disconnect();
        return new Answer(status, text);
    }
}
