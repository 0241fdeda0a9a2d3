package org.bakusoku.camera.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bakusoku.camera.SharedData;
import org.bakusoku.camera.capture.PacingClock;
import org.bakusoku.camera.control.ProgramLocator;
import org.bakusoku.frame.CameraSetup;
import org.bakusoku.frame.CameraTopics;
import org.bakusoku.frame.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The DS wrapper on the real clock with file sources at 120 fps: frames and events are awaited (events, not
 * durations) and no figure depends on timing.
 */
class CameraComponentTest {

    private static final long EVENT_WAIT_MS = 30_000;
    private static final String VIDEO = SharedData.mjpegVideo().toString();

    @TempDir
    Path sysroot;

    private final List<Event> events = new ArrayList<>();
    private CameraComponent component;

    @AfterEach
    void deactivate() {
        component.deactivate();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                t -> t.getName().startsWith("bakusoku-camera") && t.isAlive());
    }

    private CameraComponent activate(Map<String, Object> config) {
        // No decoder programs and an empty sysfs: auto finds no camera and plays the file.
        return new CameraComponent(ConfigProxy.of(CameraConfig.class, config), new ProgramLocator(""), sysroot,
                PacingClock.SYSTEM);
    }

    private static Map<String, Object> config(String source, String url, double fps) {
        Map<String, Object> map = new HashMap<>();
        map.put("source", source);
        map.put("url", url);
        map.put("fps", fps);
        return map;
    }

    private synchronized void record(Event event) {
        events.add(event);
        notifyAll();
    }

    private synchronized Event awaitEvent(String state) throws InterruptedException {
        long deadline = System.currentTimeMillis() + EVENT_WAIT_MS;
        while (true) {
            for (Event e : events) {
                if (state.equals(e.getProperty(CameraTopics.STATE_NAME))) {
                    return e;
                }
            }
            long left = deadline - System.currentTimeMillis();
            assertThat(left).as("a " + state + " event; got " + events).isPositive();
            wait(left);
        }
    }

    @Test
    void autoWithoutCamerasPlaysTheSampleFileAndPostsStateEvents() throws InterruptedException {
        EventAdmin admin = mock(EventAdmin.class);
        org.mockito.Mockito.doAnswer(a -> {
            record(a.getArgument(0));
            return null;
        }).when(admin).postEvent(any());
        component = activate(config("auto", VIDEO, 120));
        component.setEvents(admin);

        Frame frame = component.awaitNewer(0, EVENT_WAIT_MS);
        assertThat(frame.width()).isEqualTo(640);
        assertThat(component.latestDisplay()).isNotNull();
        Event streaming = awaitEvent("STREAMING");
        assertThat(streaming.getTopic()).isEqualTo(CameraTopics.STATE);
        assertThat(streaming.getProperty(CameraTopics.SOURCE)).isEqualTo("file");
        assertThat(streaming.getProperty(CameraTopics.URL)).isEqualTo(VIDEO);
        assertThat(streaming.getProperty(CameraTopics.REASON)).isEqualTo("");
        assertThat((Long) streaming.getProperty(CameraTopics.TIME)).isPositive();
        assertThat(component.status().source()).isEqualTo("file");
        assertThat(component.description()).isEqualTo("file " + VIDEO + " @ 120 fps: STREAMING");
    }

    @Test
    void badSettingsAtActivationFallBackToTheDefaults() {
        component = activate(config("auto", VIDEO, 500));
        assertThat(component.setup().url()).isEqualTo(CameraConfig.DEFAULT_URL);
        assertThat(component.setup().source()).isEqualTo("auto");
    }

    @Test
    void aBadUpdateIsRefusedWithTheReasonAndTheSourceStays() throws InterruptedException {
        component = activate(config("file", VIDEO, 120));
        Frame before = component.awaitNewer(0, EVENT_WAIT_MS);

        assertThatThrownBy(() -> component.update(new CameraSetup("rtsp", "ftp://cam/x", null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rtsp://");
        assertThatThrownBy(() -> component.update(new CameraSetup(null, null, null, null, 500.0, null, null)))
                .hasMessageContaining("fps 500.0");
        assertThatThrownBy(() -> component.update(new CameraSetup("file", "/no/such/video.avi", null, null, null,
                null, null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> component.update(new CameraSetup("auto", "/no/such/folder", null, null, null,
                null, null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such file");
        assertThat(component.awaitNewer(before.sequence(), EVENT_WAIT_MS).width()).isEqualTo(640);
        assertThat(component.setup().url()).isEqualTo(VIDEO);
    }

    @Test
    void aGoodUpdateWithoutConfigAdminSwitchesLive() throws InterruptedException {
        component = activate(config("file", VIDEO, 120));
        Frame before = component.awaitNewer(0, EVENT_WAIT_MS);

        String photo = SharedData.images().resolve("opencv_messi5.jpg").toString();
        component.update(new CameraSetup(null, photo, null, null, null, null, null));
        Frame next;
        do {
            next = component.awaitNewer(component.latest().sequence(), EVENT_WAIT_MS);
        } while (next.width() == 640);
        assertThat(next.width()).isEqualTo(548);
        assertThat(next.sequence()).isGreaterThan(before.sequence());
        assertThat(component.setup().url()).isEqualTo(photo);
    }

    @Test
    void aGoodUpdateIsStoredInConfigAdminWithThePasswordKeptBehindTheMaskedUrl() throws Exception {
        component = activate(Map.of("source", "rtsp", "url", "rtsp://10.0.0.5/live", "username", "admin",
                "password", "s3cret-pw"));
        ConfigurationAdmin admin = mock(ConfigurationAdmin.class);
        Configuration configuration = mock(Configuration.class);
        when(admin.getConfiguration(CameraComponent.PID, "?")).thenReturn(configuration);
        component.configAdmin = admin;

        CameraSetup shown = component.setup();
        assertThat(shown.password()).isNull();
        component.update(new CameraSetup(shown.source(), shown.url(), 640, 360, 5.0, null, null));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Dictionary<String, Object>> stored = ArgumentCaptor.forClass(Dictionary.class);
        verify(configuration).update(stored.capture());
        assertThat(stored.getValue().get("url")).isEqualTo("rtsp://10.0.0.5/live");
        assertThat(stored.getValue().get("password")).isEqualTo("s3cret-pw");
        assertThat(stored.getValue().get("width")).isEqualTo(640);
        assertThat(stored.getValue().get("fps")).isEqualTo(5.0);
    }
}
