package org.bakusoku.webconsole.internal.api;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import org.bakusoku.detect.Box;
import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.model.ModelInfo;
import org.bakusoku.webconsole.internal.api.LatestDetections.Snapshot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The latest analysed frame: {@code GET /api/v1/detections/latest} (JSON) and
 * {@code GET /api/v1/detections/latest.jpg} (the frame as JPEG).
 *
 * <p>JSON shape: {@code {frame_time (ISO-8601 UTC), frame_time_ms (epoch ms), model: {id, name, sha256},
 * timings: {preprocess_ms, invoke_ms, total_ms}, fps, detections: [{label, class_id, score (0..1),
 * box: {xmin, ymin, xmax, ymax} (normalized 0..1)}]}}.
 *
 * <p>Before the first frame the answer is 200 with {@code detections: []} and null {@code frame_time},
 * {@code frame_time_ms}, {@code model}, {@code timings} and {@code fps}: "nothing seen yet" is a normal
 * state of a starting appliance, not an error, and the page needs no special case for it. The JPEG
 * route answers 404 {@code no_frame} then, as there is no image to send.
 *
 * <p>{@code latest.jpg?frame_time_ms=N} sends the frame captured at N if it is still among the
 * {@value LatestDetections#KEPT} kept ones (so boxes from the JSON match the picture), else the latest;
 * the header {@code X-Frame-Time-Ms} says which frame was sent.
 */
final class DetectionsRoute {

    private final LatestDetections latest;
    private final FrameJpeg jpegs = new FrameJpeg();

    /** @param latest source of recent results */
    DetectionsRoute(LatestDetections latest) {
        this.latest = latest;
    }

    /** @return the JSON of the latest result, or the "nothing yet" document */
    ObjectNode json() {
        return json(latest.latest().orElse(null));
    }

    /**
     * @param snapshot a result, or null for "no frame yet"
     * @return its JSON document
     */
    static ObjectNode json(Snapshot snapshot) {
        ObjectNode root = Json.object();
        if (snapshot == null) {
            root.putNull("frame_time").putNull("frame_time_ms").putNull("model").putNull("timings").putNull("fps");
            root.putArray("detections");
            return root;
        }
        DetectionResult result = snapshot.result();
        long frameTimeMs = result.frame().timestampMs();
        root.put("frame_time", Instant.ofEpochMilli(frameTimeMs).toString());
        root.put("frame_time_ms", frameTimeMs);
        ModelInfo model = result.model();
        if (model == null) {
            root.putNull("model");
        } else {
            root.putObject("model").put("id", model.id()).put("name", model.name()).put("sha256", model.sha256());
        }
        if (result.timings() == null) {
            root.putNull("timings");
        } else {
            root.putObject("timings")
                    .put("preprocess_ms", result.timings().preprocessMs())
                    .put("invoke_ms", result.timings().invokeMs())
                    .put("total_ms", result.timings().totalMs());
        }
        root.put("fps", snapshot.fps());
        ArrayNode detections = root.putArray("detections");
        for (Detection detection : result.detections()) {
            ObjectNode item = detections.addObject()
                    .put("label", detection.label())
                    .put("class_id", detection.classId())
                    .put("score", detection.score());
            Box box = detection.box();
            item.putObject("box").put("xmin", box.xmin()).put("ymin", box.ymin())
                    .put("xmax", box.xmax()).put("ymax", box.ymax());
        }
        return root;
    }

    /** {@code GET /detections/latest}. */
    void latestJson(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Json.send(response, HttpServletResponse.SC_OK, json());
    }

    /** {@code GET /detections/latest.jpg[?frame_time_ms=N]}. */
    void latestJpeg(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Snapshot> snapshot = latest.latest();
        String wanted = request.getParameter("frame_time_ms");
        if (wanted != null) {
            long frameTimeMs;
            try {
                frameTimeMs = Long.parseLong(wanted);
            } catch (NumberFormatException e) {
                Json.error(response, HttpServletResponse.SC_BAD_REQUEST, "bad_request",
                        "frame_time_ms must be an integer (epoch ms, as in detections/latest).");
                return;
            }
            snapshot = latest.byFrameTime(frameTimeMs).or(() -> latest.latest());
        }
        if (snapshot.isEmpty()) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, "no_frame",
                    "No frame has been analysed yet; check the camera and detector, then retry.");
            return;
        }
        byte[] jpeg = jpegs.jpeg(snapshot.get().result().frame());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("image/jpeg");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Time-Ms", Long.toString(snapshot.get().result().frame().timestampMs()));
        response.setContentLength(jpeg.length);
        response.getOutputStream().write(jpeg);
    }
}
