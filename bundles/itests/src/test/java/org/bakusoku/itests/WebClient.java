package org.bakusoku.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

/**
 * A raw HTTP client for the security ITs (the JDK's {@code java.net.http} client: unlike HttpURLConnection it
 * may send {@code Origin}): sends exactly the headers it is given, browser-like ones included, never follows
 * redirects, keeps no cookies. Bodies are read whatever the status.
 */
final class WebClient {

    /** The headers a browser sends when it opens a page over plain HTTP on the LAN (no fetch metadata). */
    static final Map<String, String> PAGE_OPENING = Map.of("Accept",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

    private final String base;
    private final HttpClient client;

    /**
     * @param base e.g. {@code http://127.0.0.1:8080}
     * @param tls  TLS context for https URLs (what to trust), or null for the JDK default
     */
    WebClient(String base, SSLContext tls) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10));
        this.client = (tls == null ? builder : builder.sslContext(tls)).build();
    }

    /** One answer: status, headers (first value, lower-case names), the Set-Cookie values and the body. */
    record Answer(int status, Map<String, String> headers, List<String> setCookies, String body,
            java.security.cert.Certificate[] serverCertificates) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        /** @return the first string value of a JSON field in the body, or null */
        String field(String field) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                    .matcher(body);
            return m.find() ? m.group(1) : null;
        }

        /** @return the value of the {@code bakusoku_session} cookie this answer set, or null */
        String sessionCookie() {
            for (String c : setCookies) {
                if (c.startsWith("bakusoku_session=")) {
                    return c.substring("bakusoku_session=".length(), c.indexOf(';'));
                }
            }
            return null;
        }
    }

    static Map<String, String> basic(String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, String> with(Map<String, String> headers, String... more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    Answer get(String path, Map<String, String> headers) throws IOException {
        return send("GET", path, headers, null, null);
    }

    Answer postJson(String path, Map<String, String> headers, String json) throws IOException {
        return send("POST", path, headers, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Answer postForm(String path, Map<String, String> headers, Map<String, String> fields) throws IOException {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send("POST", path, headers, "application/x-www-form-urlencoded",
                form.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The Web Console's bundle install form: multipart {@code action=install}, {@code bundlefile}. */
    Answer installBundle(String path, Map<String, String> headers, byte[] jar) throws IOException {
        String boundary = "----bakusoku" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\ninstall\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundlefile\"; filename=\"probe.jar\""
                + "\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jar);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        // A refused upload is answered (403) before its body is read, and the server may close the connection
        // while the client is still writing: "Broken pipe" instead of the answer. Send it again, at most 3 times;
        // the assertion still needs a real status. (Expect: 100-continue would avoid it, but Java 17's
        // HttpClient hangs when the answer to it is not 100.)
        for (int attempt = 1;; attempt++) {
            try {
                return send("POST", path, headers, "multipart/form-data; boundary=" + boundary, body.toByteArray());
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    Answer send(String method, String path, Map<String, String> headers, String contentType, byte[] body)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "*/*") // not a browser's Accept
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::setHeader);
        if (contentType != null) {
            request.setHeader("Content-Type", contentType);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Map<String, String> answerHeaders = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> answerHeaders.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        java.security.cert.Certificate[] certificates = null;
        if (response.sslSession().isPresent()) {
            certificates = response.sslSession().get().getPeerCertificates();
        }
        return new Answer(response.statusCode(), answerHeaders, response.headers().allValues("set-cookie"),
                response.body(), certificates);
    }
}
