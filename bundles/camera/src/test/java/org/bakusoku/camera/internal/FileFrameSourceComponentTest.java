package org.bakusoku.camera.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;

import org.bakusoku.camera.SharedData;
import org.bakusoku.camera.capture.FileFrameSource;
import org.bakusoku.frame.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The DS wrapper on the real clock, at 120 fps: frames are awaited (an event, not a duration) and no figure
 * depends on timing.
 */
class FileFrameSourceComponentTest {

    private static final long EVENT_WAIT_MS = 30_000;
    private static final String VIDEO = SharedData.mjpegVideo().toString();

    private FileFrameSourceComponent component;

    @AfterEach
    void deactivate() {
        component.deactivate();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                t -> t.getName().equals(FileFrameSource.THREAD_NAME) && t.isAlive());
    }

    @Test
    void deliversTheConfiguredVideo() throws InterruptedException {
        component = new FileFrameSourceComponent(config("file", VIDEO, 120, true));
        Frame frame = component.awaitNewer(0, EVENT_WAIT_MS);
        assertThat(frame.width()).isEqualTo(640);
        assertThat(frame.height()).isEqualTo(480);
        assertThat(component.description()).startsWith("file " + VIDEO + " @ 120 fps, loop");
    }

    @Test
    void unknownSourceKindFallsBackToTheFileSource() throws InterruptedException {
        component = new FileFrameSourceComponent(config("csi-someday", VIDEO, 120, true));
        assertThat(component.awaitNewer(0, EVENT_WAIT_MS).width()).isEqualTo(640);
    }

    @Test
    void badSettingsAtActivationFallBackToTheDefaults() {
        component = new FileFrameSourceComponent(config("auto", VIDEO, 500, true));
        assertThat(component.description())
                .startsWith("file ../shared/data/video/vtest_pedestrians_8s_mjpeg.avi @ the file's rate, loop");
    }

    @Test
    void badModificationKeepsTheRunningSourceAndAGoodOneSwitches() throws InterruptedException {
        component = new FileFrameSourceComponent(config("auto", VIDEO, 120, true));
        Frame before = component.awaitNewer(0, EVENT_WAIT_MS);

        component.modified(config("auto", VIDEO, 500, true));
        assertThat(component.description()).startsWith("file " + VIDEO + " @ 120 fps");
        assertThat(component.awaitNewer(before.sequence(), EVENT_WAIT_MS).width()).isEqualTo(640);

        String photo = SharedData.images().resolve("opencv_messi5.jpg").toString();
        component.modified(config("auto", photo, 120, true));
        Frame now = component.latest();
        Frame next = component.awaitNewer(now.sequence(), EVENT_WAIT_MS);
        assertThat(next.width()).isEqualTo(548);
        assertThat(next.sequence()).isGreaterThan(before.sequence());
        assertThat(component.description()).startsWith("file " + photo + " @ 120 fps");
    }

    private static FileFrameSourceComponent.Config config(String source, String url, double fps, boolean loop) {
        return new FileFrameSourceComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FileFrameSourceComponent.Config.class;
            }

            @Override
            public String source() {
                return source;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public double fps() {
                return fps;
            }

            @Override
            public boolean loop() {
                return loop;
            }
        };
    }
}
