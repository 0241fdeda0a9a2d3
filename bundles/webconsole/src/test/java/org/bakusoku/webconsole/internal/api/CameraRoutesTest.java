package org.bakusoku.webconsole.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.bakusoku.frame.CameraControl;
import org.bakusoku.frame.CameraSetup;
import org.bakusoku.frame.CameraState;
import org.bakusoku.frame.FrameSourceStatus;
import org.bakusoku.frame.LiveView;
import org.bakusoku.frame.Snapshots;
import org.bakusoku.webconsole.internal.FakeHttp;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import jakarta.servlet.http.HttpServletRequest;

class CameraRoutesTest {

    /** 2024-05-01T12:00:00.250Z */
    private static final long T0 = 1_714_564_800_250L;

    private final CameraControl control = mock(CameraControl.class);
    private final AtomicReference<CameraControl> camera = new AtomicReference<>(control);
    private final AtomicReference<LiveView> live = new AtomicReference<>();
    private final AtomicReference<Snapshots> snapshots = new AtomicReference<>();
    private final ApiRouter router = new CameraRoutes(camera::get, live::get, snapshots::get).router();

    CameraRoutesTest() {
        when(control.status()).thenReturn(new FrameSourceStatus("rtsp", "rtsp://cam:***@10.0.0.5/live",
                CameraState.RETRYING, "connection refused; retry 3 in 4 s", 0.0, T0));
        when(control.setup()).thenReturn(new CameraSetup("rtsp", "rtsp://cam:***@10.0.0.5/live", 640, 360, 10.0,
                "cam", null));
    }

    private FakeHttp.Response call(HttpServletRequest request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        router.dispatch(request, response.mock);
        return response;
    }

    private static HttpServletRequest put(String json) throws IOException {
        return FakeHttp.withBody(FakeHttp.request("PUT", "/api/v1/camera", Map.of()), "application/json", json);
    }

    @Test
    void getShowsStateReasonRateAndTheMaskedUrl() throws Exception {
        FakeHttp.Response response = call(FakeHttp.get("/api/v1/camera"));
        assertThat(response.status).isEqualTo(200);
        assertThat(response.json()).isEqualTo(FakeHttp.json("""
                {"source": "rtsp", "url": "rtsp://cam:***@10.0.0.5/live", "state": "RETRYING",
                 "reason": "connection refused; retry 3 in 4 s", "capture_fps": 0.0,
                 "changed_at": "2024-05-01T12:00:00.250Z", "changed_at_ms": 1714564800250,
                 "configured_source": "rtsp", "configured_url": "rtsp://cam:***@10.0.0.5/live",
                 "width": 640, "height": 360, "fps": 10.0, "username": "cam"}"""));
    }

    @Test
    void putPassesTheFieldsItKnowsAndIgnoresTheReadOnlyOnes() throws Exception {
        FakeHttp.Response response = call(put("""
                {"source": "http-mjpeg", "url": "http://10.0.0.7/video.mjpg", "width": 320, "height": 240,
                 "fps": 5, "password": "new-secret", "state": "STREAMING", "capture_fps": 3.5}"""));
        assertThat(response.status).isEqualTo(200);
        ArgumentCaptor<CameraSetup> change = ArgumentCaptor.forClass(CameraSetup.class);
        verify(control).update(change.capture());
        assertThat(change.getValue()).isEqualTo(new CameraSetup("http-mjpeg", "http://10.0.0.7/video.mjpg", 320, 240,
                5.0, null, "new-secret"));
        assertThat(response.json().get("state").asText()).isEqualTo("RETRYING");
    }

    @Test
    void anInvalidPutIs400WithTheReasonAndChangesNothing() throws Exception {
        doThrow(new IllegalArgumentException("url must be rtsp:// or rtsps:// with a host, got 'ftp://x'"))
                .when(control).update(any());
        FakeHttp.Response refused = call(put("{\"source\": \"rtsp\", \"url\": \"ftp://x\"}"));
        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_camera");
        assertThat(refused.json().get("message").asText()).contains("rtsp://");

        CameraControl untouched = mock(CameraControl.class);
        camera.set(untouched);
        assertThat(call(put("{\"width\": \"wide\"}")).json().get("message").asText())
                .isEqualTo("width must be a whole number");
        assertThat(call(put("[1, 2]")).status).isEqualTo(400);
        assertThat(call(put("{\"url\": \"" + "x".repeat(CameraRoutes.MAX_BODY_BYTES) + "\"}")).json().get("error")
                .asText()).isEqualTo("too_large");
        verify(untouched, never()).update(any());
    }

    @Test
    void withoutTheCameraBundleEveryRouteIs503() throws Exception {
        camera.set(null);
        FakeHttp.Response response = call(FakeHttp.get("/api/v1/camera"));
        assertThat(response.status).isEqualTo(503);
        assertThat(response.json().get("error").asText()).isEqualTo("camera_unavailable");
        assertThat(call(FakeHttp.get("/api/v1/snapshots")).status).isEqualTo(503);
    }

    @Test
    void snapshotsAreListedNewestFirstAndServedById() throws Exception {
        Snapshots store = mock(Snapshots.class);
        snapshots.set(store);
        when(store.recent(20)).thenReturn(List.of(new Snapshots.Snapshot("20240501-120000-250", T0,
                "rule person-alarm: person 0.83", List.of(new Snapshots.Item("person", 0.83f)), 51_234)));
        when(store.jpeg("20240501-120000-250")).thenReturn(Optional.of(new byte[] { (byte) 0xFF, (byte) 0xD8 }));
        when(store.jpeg("../etc/passwd")).thenReturn(Optional.empty());

        assertThat(call(FakeHttp.get("/api/v1/snapshots?limit=20")).json()).isEqualTo(FakeHttp.json("""
                [{"id": "20240501-120000-250", "time": "2024-05-01T12:00:00.250Z", "time_ms": 1714564800250,
                  "reason": "rule person-alarm: person 0.83", "size_bytes": 51234,
                  "items": [{"label": "person", "score": 0.83}]}]"""));
        FakeHttp.Response image = call(FakeHttp.get("/api/v1/snapshots/image?id=20240501-120000-250"));
        assertThat(image.contentType).isEqualTo("image/jpeg");
        assertThat(image.body.toByteArray()).containsExactly(0xFF, 0xD8);
        assertThat(call(FakeHttp.get("/api/v1/snapshots/image?id=../etc/passwd")).status).isEqualTo(404);
        assertThat(call(FakeHttp.get("/api/v1/snapshots?limit=0")).status).isEqualTo(400);
    }

    @Test
    void theLiveStreamSendsEachNewPictureAsAMultipartJpegUntilTheViewerLeaves() throws Exception {
        byte[] first = { 1, 2, 3 };
        byte[] second = { 4, 5 };
        LiveView view = (after, timeoutMs) -> after == 0 ? new LiveView.Picture(7, T0, first)
                : after == 7 ? new LiveView.Picture(9, T0 + 100, second) : null;
        live.set(view);
        FakeHttp.Response response = new FakeHttp.Response();
        when(response.mock.getOutputStream()).thenReturn(new FakeHttp.Output(response.body) {
            private int flushes;

            @Override
            public void flush() throws IOException {
                if (++flushes == 2) {
                    throw new IOException("viewer closed the page"); // how Jetty reports a gone client
                }
            }
        });

        router.dispatch(FakeHttp.get("/api/v1/camera/live.mjpeg"), response.mock);

        assertThat(response.contentType).isEqualTo("multipart/x-mixed-replace; boundary=bakusoku-live");
        assertThat(response.body.toString(StandardCharsets.ISO_8859_1)).isEqualTo("--bakusoku-live\r\nContent-Type: image/jpeg\r\nContent-Length: 3\r\n"
                + "X-Frame-Time-Ms: 1714564800250\r\n\r\n\u0001\u0002\u0003\r\n"
                + "--bakusoku-live\r\nContent-Type: image/jpeg\r\nContent-Length: 2\r\n"
                + "X-Frame-Time-Ms: 1714564800350\r\n\r\n\u0004\u0005\r\n");
    }
}
