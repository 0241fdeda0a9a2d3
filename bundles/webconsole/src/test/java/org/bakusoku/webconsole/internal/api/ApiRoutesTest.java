package org.bakusoku.webconsole.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import org.bakusoku.detect.Box;
import org.bakusoku.detect.DetectTopics;
import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.Timings;
import org.bakusoku.frame.Frame;
import org.bakusoku.model.ModelInfo;
import org.bakusoku.relay.RelayController;
import org.bakusoku.relay.RelayState;
import org.bakusoku.webconsole.internal.FakeHttp;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import jakarta.servlet.http.HttpServletRequest;

class ApiRoutesTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    /** 2024-05-01T12:00:00.250Z */
    private static final long FRAME_MS = 1_714_564_800_250L;

    private final LatestDetections latest = new LatestDetections();
    private final AtomicReference<RelayController> relays = new AtomicReference<>();
    private final ApiRouter router = ApiServlet.routes(latest, relays::get, () -> 123_456L);

    private FakeHttp.Response call(HttpServletRequest request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        router.dispatch(request, response.mock);
        return response;
    }

    private FakeHttp.Response get(String target) throws Exception {
        return call(FakeHttp.get(target));
    }

    /** A frame whose left half is one colour and right half another. */
    private static Frame frame(long timeMs, int[] left, int[] right) {
        int w = 64;
        int h = 48;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] c = x < w / 2 ? left : right;
                int i = (y * w + x) * 3;
                rgb[i] = (byte) c[0];
                rgb[i + 1] = (byte) c[1];
                rgb[i + 2] = (byte) c[2];
            }
        }
        return new Frame(7, timeMs, 0, w, h, rgb);
    }

    private static DetectionResult result(Frame frame) {
        return new DetectionResult(frame, ModelInfo.of("ssd_mobilenet_v1_coco_quant", SHA),
                List.of(new Detection("person", 0, 0.875f, new Box(0.125f, 0.25f, 0.5f, 0.75f)),
                        new Detection("<b>dog</b>", 17, 0.5f, new Box(0.5f, 0.5f, 1.0f, 1.0f))),
                new Timings(4.5, 38.25, 51.0));
    }

    private void post(DetectionResult result, Double fps) {
        latest.handleEvent(new Event(DetectTopics.DETECTED, fps == null
                ? Map.of(DetectTopics.RESULT, result)
                : Map.of(DetectTopics.RESULT, result, DetectTopics.FPS, fps)));
    }

    @Test
    void healthIsUpWithUptime() throws Exception {
        FakeHttp.Response response = get("/api/v1/health");

        assertThat(response.status).isEqualTo(200);
        assertThat(response.contentType).isEqualTo("application/json");
        assertThat(response.json()).isEqualTo(FakeHttp.json("{\"status\":\"UP\",\"uptime_ms\":123456}"));
    }

    @Test
    void latestBeforeTheFirstFrameIsEmptyWithNullFrameFields() throws Exception {
        FakeHttp.Response response = get("/api/v1/detections/latest");

        assertThat(response.status).isEqualTo(200);
        assertThat(response.json()).isEqualTo(FakeHttp.json("""
                {"frame_time": null, "frame_time_ms": null, "model": null, "timings": null, "fps": null,
                 "detections": []}"""));
        assertThat(get("/api/v1/detections/latest.jpg").json())
                .isEqualTo(FakeHttp.json("{\"error\":\"no_frame\",\"message\":\"No frame has been analysed yet; "
                        + "check the camera and detector, then retry.\"}"));
    }

    @Test
    void latestDetectionsFromADetectedEvent() throws Exception {
        post(result(frame(FRAME_MS, new int[] { 0, 0, 0 }, new int[] { 0, 0, 0 })), 9.5);

        FakeHttp.Response response = get("/api/v1/detections/latest");

        assertThat(response.status).isEqualTo(200);
        assertThat(response.headers).containsEntry("Cache-Control", "no-store");
        assertThat(response.json()).isEqualTo(FakeHttp.json("""
                {"frame_time": "2024-05-01T12:00:00.250Z",
                 "frame_time_ms": 1714564800250,
                 "model": {"id": "0123456789ab", "name": "ssd_mobilenet_v1_coco_quant",
                           "sha256": "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"},
                 "timings": {"preprocess_ms": 4.5, "invoke_ms": 38.25, "total_ms": 51.0},
                 "fps": 9.5,
                 "detections": [
                   {"label": "person", "class_id": 0, "score": 0.875,
                    "box": {"xmin": 0.125, "ymin": 0.25, "xmax": 0.5, "ymax": 0.75}},
                   {"label": "<b>dog</b>", "class_id": 17, "score": 0.5,
                    "box": {"xmin": 0.5, "ymin": 0.5, "xmax": 1.0, "ymax": 1.0}}]}"""));
    }

    @Test
    void eventWithoutResultIsIgnoredAndTheLastGoodResultStays() throws Exception {
        post(result(frame(FRAME_MS, new int[] { 0, 0, 0 }, new int[] { 0, 0, 0 })), null);

        latest.handleEvent(new Event(DetectTopics.DETECTED, Map.of(DetectTopics.RESULT, "not a result")));

        assertThat(get("/api/v1/detections/latest").json().get("frame_time_ms").asLong()).isEqualTo(FRAME_MS);
        assertThat(get("/api/v1/detections/latest").json().get("fps").isNull()).isTrue();
    }

    @Test
    void latestJpegIsTheFrameInTheRightColoursAndCanBeAskedForByFrameTime() throws Exception {
        int[] red = { 230, 20, 20 };
        int[] blue = { 20, 20, 230 };
        int[] green = { 20, 230, 20 };
        post(result(frame(FRAME_MS, red, blue)), 10.0);
        post(result(frame(FRAME_MS + 100, green, green)), 10.0);

        FakeHttp.Response newest = get("/api/v1/detections/latest.jpg");
        FakeHttp.Response older = get("/api/v1/detections/latest.jpg?frame_time_ms=" + FRAME_MS);
        FakeHttp.Response gone = get("/api/v1/detections/latest.jpg?frame_time_ms=42");

        assertThat(newest.contentType).isEqualTo("image/jpeg");
        assertThat(newest.headers).containsEntry("X-Frame-Time-Ms", Long.toString(FRAME_MS + 100));
        assertThat(rgbAt(newest, 8, 24)).satisfies(c -> assertThat(c[1]).isGreaterThan(180));

        assertThat(older.headers).containsEntry("X-Frame-Time-Ms", Long.toString(FRAME_MS));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(older.body.toByteArray()));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
        int[] left = rgbAt(older, 8, 24);
        int[] right = rgbAt(older, 56, 24);
        assertThat(left[0]).isGreaterThan(180);
        assertThat(left[2]).isLessThan(70);
        assertThat(right[2]).isGreaterThan(180);
        assertThat(right[0]).isLessThan(70);

        assertThat(gone.headers).containsEntry("X-Frame-Time-Ms", Long.toString(FRAME_MS + 100));
    }

    @Test
    void onlyTheLastFewFramesAreKept() throws Exception {
        for (int i = 0; i < LatestDetections.KEPT + 1; i++) {
            post(result(frame(FRAME_MS + i, new int[] { 0, 0, 0 }, new int[] { 0, 0, 0 })), null);
        }

        assertThat(latest.byFrameTime(FRAME_MS)).isEmpty();
        assertThat(latest.byFrameTime(FRAME_MS + 1)).isPresent();
        assertThat(latest.latest().map(s -> s.result().frame().timestampMs())).isEqualTo(Optional.of(FRAME_MS + 4));
    }

    @Test
    void badFrameTimeParameterIsA400() throws Exception {
        post(result(frame(FRAME_MS, new int[] { 0, 0, 0 }, new int[] { 0, 0, 0 })), null);

        FakeHttp.Response response = get("/api/v1/detections/latest.jpg?frame_time_ms=soon");

        assertThat(response.status).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("bad_request");
    }

    @Test
    void relaysAreEmptyWithoutAControllerAndListedWithOne() throws Exception {
        assertThat(get("/api/v1/relays").json()).isEqualTo(FakeHttp.json("[]"));

        relays.set(new FixedRelays(List.of(
                new RelayState("alarm", "Alarm horn", 17, true, true, FRAME_MS, "rule person-alarm: person 0.83"),
                new RelayState("gate", "Gate", 27, false, false, 0, "start"))));

        FakeHttp.Response response = get("/api/v1/relays");

        assertThat(response.status).isEqualTo(200);
        assertThat(response.json()).isEqualTo(FakeHttp.json("""
                [{"id": "alarm", "name": "Alarm horn", "bcm_pin": 17, "on": true, "active_low": true,
                  "last_change": "2024-05-01T12:00:00.250Z", "reason": "rule person-alarm: person 0.83"},
                 {"id": "gate", "name": "Gate", "bcm_pin": 27, "on": false, "active_low": false,
                  "last_change": null, "reason": "start"}]"""));
    }

    @Test
    void unknownRouteIsA404InTheErrorShape() throws Exception {
        FakeHttp.Response response = get("/api/v1/does-not-exist");

        assertThat(response.status).isEqualTo(404);
        assertThat(response.json()).isEqualTo(FakeHttp.json("{\"error\":\"not_found\",\"message\":"
                + "\"No API route /api/v1/does-not-exist; see the route list in the webconsole README.\"}"));
    }

    @Test
    void knownRouteWithAnotherMethodIsA405WithAllow() throws Exception {
        FakeHttp.Response response = call(FakeHttp.request("DELETE", "/api/v1/relays", Map.of()));

        assertThat(response.status).isEqualTo(405);
        assertThat(response.headers).containsEntry("Allow", "GET");
        assertThat(response.json().get("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void failingRouteIsA500InTheErrorShape() throws Exception {
        relays.set(new FixedRelays(null)); // relays() throws NullPointerException when listed

        FakeHttp.Response response = get("/api/v1/relays");

        assertThat(response.status).isEqualTo(500);
        assertThat(response.json().get("error").asText()).isEqualTo("internal_error");
    }

    private static int[] rgbAt(FakeHttp.Response response, int x, int y) throws Exception {
        int argb = ImageIO.read(new ByteArrayInputStream(response.body.toByteArray())).getRGB(x, y);
        return new int[] { (argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff };
    }

    /** A relay controller with a fixed list; switching is not used by these routes. */
    private record FixedRelays(List<RelayState> states) implements RelayController {
        @Override
        public List<RelayState> relays() {
            return List.copyOf(states);
        }

        @Override
        public Optional<RelayState> state(String id) {
            return states.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public void set(String id, boolean on, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void pulse(String id, long durationMs, String reason) {
            throw new UnsupportedOperationException();
        }
    }
}
