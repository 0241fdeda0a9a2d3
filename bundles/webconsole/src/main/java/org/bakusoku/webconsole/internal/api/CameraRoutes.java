package org.bakusoku.webconsole.internal.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.bakusoku.frame.CameraControl;
import org.bakusoku.frame.CameraSetup;
import org.bakusoku.frame.FrameSourceStatus;
import org.bakusoku.frame.LiveView;
import org.bakusoku.frame.Snapshots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camera routes (paths below {@code /api/v1}):
 * <ul>
 * <li>{@code GET /camera}: {@code {source, url (password masked), state, reason, capture_fps, changed_at,
 * changed_at_ms, width, height, fps, username}};</li>
 * <li>{@code PUT /camera} with any of {@code source, url, width, height, fps, username, password} (other fields,
 * such as {@code state}, are ignored, so a GET document can be sent back changed): 200 with the GET document; 400
 * {@code invalid_camera} with the reason, the running source stays; 415 without a JSON body;</li>
 * <li>{@code GET /camera/live.mjpeg}: the live view as {@code multipart/x-mixed-replace} JPEGs with boxes, until
 * the client leaves; {@code GET /camera/live.jpg[?after=N]}: one picture newer than sequence N (header
 * {@code X-Frame-Sequence}), 504 {@code no_frame} if none comes within {@value #PICTURE_WAIT_MS} ms;</li>
 * <li>{@code GET /snapshots[?limit=N]}: {@code [{id, time, time_ms, reason, items: [{label, score}], size_bytes}]}
 * newest first (N 1..1000, default 50); {@code GET /snapshots/image?id=...}: the JPEG, 404 for an unknown id.</li>
 * </ul>
 * A live stream costs the appliance one JPEG encoding per picture whatever the number of viewers; each viewer gets
 * the latest picture and skips the ones it was too slow for.
 */
final class CameraRoutes {

    static final String CAMERA = ApiRouter.PREFIX + "/camera";
    static final String SNAPSHOTS = ApiRouter.PREFIX + "/snapshots";
    static final int MAX_BODY_BYTES = 4096;
    /** Longest wait for a live picture, ms. */
    static final long PICTURE_WAIT_MS = 5_000;
    private static final String BOUNDARY = "bakusoku-live";

    private final Supplier<CameraControl> camera;
    private final Supplier<LiveView> live;
    private final Supplier<Snapshots> snapshots;
    private volatile boolean closed;

    CameraRoutes(Supplier<CameraControl> camera, Supplier<LiveView> live, Supplier<Snapshots> snapshots) {
        this.camera = camera;
        this.live = live;
        this.snapshots = snapshots;
    }

    ApiRouter router() {
        return new ApiRouter()
                .add("GET", "/camera", this::getCamera)
                .add("PUT", "/camera", this::putCamera)
                .add("GET", "/camera/live.mjpeg", this::liveStream)
                .add("GET", "/camera/live.jpg", this::livePicture)
                .add("GET", "/snapshots", this::listSnapshots)
                .add("GET", "/snapshots/image", this::snapshotImage);
    }

    /** Ends every live stream at its next picture. */
    void close() {
        closed = true;
    }

    /** @return the GET /camera document */
    static ObjectNode json(CameraControl control) {
        FrameSourceStatus status = control.status();
        CameraSetup setup = control.setup();
        ObjectNode root = Json.object()
                .put("source", status.source())
                .put("url", status.url())
                .put("state", status.state().name())
                .put("reason", status.reason())
                .put("capture_fps", status.captureFps())
                .put("changed_at", Instant.ofEpochMilli(status.changedAtMs()).toString())
                .put("changed_at_ms", status.changedAtMs())
                .put("configured_source", setup.source())
                .put("configured_url", setup.url());
        root.put("width", setup.width()).put("height", setup.height()).put("fps", setup.fps())
                .put("username", setup.username());
        return root;
    }

    private void getCamera(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CameraControl control = camera.get();
        if (available(response, control)) {
            Json.send(response, HttpServletResponse.SC_OK, json(control));
        }
    }

    private void putCamera(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CameraControl control = camera.get();
        if (!available(response, control)) {
            return;
        }
        JsonNode body = Json.readObject(request, response, MAX_BODY_BYTES,
                "Send a JSON object such as {\"source\": \"rtsp\", \"url\": \"rtsp://camera/stream\"}.");
        if (body == null) {
            return;
        }
        CameraSetup change;
        try {
            change = new CameraSetup(text(body, "source"), text(body, "url"), integer(body, "width"),
                    integer(body, "height"), number(body, "fps"), text(body, "username"), text(body, "password"));
            control.update(change);
        } catch (IllegalArgumentException e) {
            Json.error(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_camera", e.getMessage());
            return;
        } catch (IllegalStateException e) {
            Json.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "not_stored", e.getMessage());
            return;
        }
        Json.send(response, HttpServletResponse.SC_OK, json(control));
    }

    private void liveStream(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LiveView view = live.get();
        if (!available(response, view)) {
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("multipart/x-mixed-replace; boundary=" + BOUNDARY);
        response.setHeader("Cache-Control", "no-store");
        OutputStream out = response.getOutputStream();
        long sequence = 0;
        try {
            while (!closed) {
                LiveView.Picture picture = view.awaitNewer(sequence, PICTURE_WAIT_MS);
                if (picture == null) {
                    continue; // no camera frame meanwhile; keep the connection
                }
                sequence = picture.sequence();
                out.write(("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + picture.jpeg().length
                        + "\r\nX-Frame-Time-Ms: " + picture.timestampMs() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(picture.jpeg());
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the viewer left (closed the page, hid the tab): the normal end of a live stream
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void livePicture(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LiveView view = live.get();
        if (!available(response, view)) {
            return;
        }
        Long after = longParam(request, response, "after", 0, Long.MAX_VALUE, 0);
        if (after == null) {
            return;
        }
        LiveView.Picture picture;
        try {
            picture = view.awaitNewer(after, PICTURE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (picture == null) {
            Json.error(response, HttpServletResponse.SC_GATEWAY_TIMEOUT, "no_frame",
                    "The camera delivered no frame within " + PICTURE_WAIT_MS + " ms; see GET /api/v1/camera.");
            return;
        }
        image(response, picture.jpeg());
        response.setHeader("X-Frame-Sequence", Long.toString(picture.sequence()));
        response.setHeader("X-Frame-Time-Ms", Long.toString(picture.timestampMs()));
        response.getOutputStream().write(picture.jpeg());
    }

    private void listSnapshots(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Snapshots store = snapshots.get();
        Long limit = longParam(request, response, "limit", 1, 1000, 50);
        if (!available(response, store) || limit == null) {
            return;
        }
        ArrayNode list = Json.array();
        for (Snapshots.Snapshot s : store.recent(limit.intValue())) {
            ObjectNode item = list.addObject().put("id", s.id())
                    .put("time", Instant.ofEpochMilli(s.timeMs()).toString()).put("time_ms", s.timeMs())
                    .put("reason", s.reason()).put("size_bytes", s.sizeBytes());
            ArrayNode items = item.putArray("items");
            s.items().forEach(i -> items.addObject().put("label", i.label()).put("score", i.score()));
        }
        Json.send(response, HttpServletResponse.SC_OK, list);
    }

    private void snapshotImage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Snapshots store = snapshots.get();
        if (!available(response, store)) {
            return;
        }
        Optional<byte[]> jpeg = store.jpeg(request.getParameter("id"));
        if (jpeg.isEmpty()) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, "not_found",
                    "No snapshot with that id; list them with GET /api/v1/snapshots.");
            return;
        }
        image(response, jpeg.get());
        response.getOutputStream().write(jpeg.get());
    }

    private static void image(HttpServletResponse response, byte[] jpeg) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("image/jpeg");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(jpeg.length);
    }

    private static boolean available(HttpServletResponse response, Object service) throws IOException {
        if (service == null) {
            Json.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "camera_unavailable",
                    "The camera bundle (org.bakusoku.camera) is not running; see the appliance log.");
            return false;
        }
        return true;
    }

    private static Long longParam(HttpServletRequest request, HttpServletResponse response, String name, long min,
            long max, long fallback) throws IOException {
        String value = request.getParameter(name);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        Json.error(response, HttpServletResponse.SC_BAD_REQUEST, "bad_request",
                name + " must be an integer within " + min + ".." + max + ".");
        return null;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.asText();
    }

    private static Integer integer(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return value.asInt();
    }

    private static Double number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return value.asDouble();
    }
}
