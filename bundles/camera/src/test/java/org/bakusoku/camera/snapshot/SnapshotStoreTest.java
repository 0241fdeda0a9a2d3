package org.bakusoku.camera.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.bakusoku.camera.render.AnnotatedJpeg;
import org.bakusoku.camera.testing.Coco;
import org.bakusoku.camera.testing.Photos;
import org.bakusoku.detect.Box;
import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.detect.tflite.TfliteDetector;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.Snapshots.Item;
import org.bakusoku.frame.Snapshots.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {

    /** 2024-05-01T12:00:00.250Z */
    private static final long T0 = 1_714_564_800_250L;

    @TempDir
    Path dir;

    @Test
    void keepsTheNewestWithinCountAndSizeAndListsThemNewestFirst() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, 3, 1_000_000);
        for (int i = 0; i < 5; i++) {
            store.save(new byte[100 + i], T0 + i * 1000, "rule r: person 0.8" + i, List.of(new Item("person", 0.8f)));
        }
        store.save(new byte[7], T0 + 4000, "same millisecond", List.of()); // an id collision

        List<Snapshot> listed = store.recent(10);
        assertThat(listed).extracting(Snapshot::id)
                .containsExactly("20240501-120004-250-1", "20240501-120004-250", "20240501-120003-250");
        assertThat(listed.get(1).reason()).isEqualTo("rule r: person 0.84");
        assertThat(listed.get(1).items()).containsExactly(new Item("person", 0.8f));
        assertThat(listed.get(1).sizeBytes()).isEqualTo(104);
        assertThat(listed.get(1).timeMs()).isEqualTo(T0 + 4000);
        try (var files = Files.list(dir)) {
            assertThat(files.count()).as("3 snapshots x 2 files, no temp file").isEqualTo(6);
        }

        store.limits(10, 250);
        store.save(new byte[200], T0 + 9000, "big", List.of());
        assertThat(store.recent(10)).extracting(Snapshot::id).as("200 + 7 bytes fit in 250, + 104 would not")
                .containsExactly("20240501-120009-250", "20240501-120004-250-1");
        assertThat(new SnapshotStore(dir, 3, 1_000).recent(10)).as("read back after a restart").hasSize(2);
    }

    @Test
    void onlyWellFormedIdsAreRead() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, 3, 1_000_000);
        Files.writeString(dir.resolve("secret.jpg"), "x");
        assertThat(store.jpeg("../secret")).isEmpty();
        assertThat(store.jpeg("secret")).isEmpty();
        assertThat(store.recent(5)).isEmpty();
    }

    @Test
    void aRuleTriggerSavesTheAnalysedPhotoWithItsBoxesDrawn() throws Exception {
        Frame photo = Photos.frame("opencv_messi5.jpg", 1, T0);
        DetectionResult result;
        try (TfliteDetector detector = Coco.open()) {
            result = detector.detect(photo);
        }
        Detection person = result.detections().stream().filter(d -> d.label().equals("person")).findFirst()
                .orElseThrow();
        SnapshotTaker taker = new SnapshotTaker(new SnapshotStore(dir, 10, 10_000_000), () -> null);
        taker.detected(result);
        taker.detected(new DetectionResult(photo, result.model(), List.of(), result.timings())); // a later empty frame

        Snapshot saved = taker.take("rule person-alarm: person 0.8").orElseThrow();

        assertThat(saved.items()).contains(new Item("person", person.score()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                new SnapshotStore(dir, 10, 10_000_000).jpeg(saved.id()).orElseThrow()));
        assertThat(image.getWidth()).isEqualTo(photo.width());
        Box box = person.box();
        int x = Math.round(Math.max(0, box.xmin()) * (photo.width() - 1));
        int y = Math.round((box.ymin() + box.ymax()) / 2 * (photo.height() - 1));
        int drawn = image.getRGB(x, y);
        int red = drawn >> 16 & 0xFF;
        assertThat(AnnotatedJpeg.colour(0).getRed()).isEqualTo(255);
        assertThat(red - Math.max(drawn >> 8 & 0xFF, drawn & 0xFF)).as("the person's box edge is drawn in class 0's"
                + " red (JPEG blurs a 2-pixel line's chroma): #%06X", drawn & 0xFFFFFF).isGreaterThan(80);
    }
}
