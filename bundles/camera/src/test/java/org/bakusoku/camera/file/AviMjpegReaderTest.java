package org.bakusoku.camera.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.bakusoku.camera.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference values below were measured independently of this code with ffmpeg 5.1 (Debian bookworm):
 * {@code ffprobe -count_frames -show_entries stream=width,height,r_frame_rate,nb_read_frames} and
 * {@code ffprobe -show_entries packet=pos,size} on the shared AVI, and the mean colour of
 * {@code ffmpeg -frames:v 1 -pix_fmt rgb24 -f rawvideo}.
 */
class AviMjpegReaderTest {

    private static final Path VIDEO = SharedData.mjpegVideo();
    private static final int FRAMES = 80;
    /** ffprobe: payload of frame #40 (0-based) starts at byte 1,350,852 and is 34,015 bytes long. */
    private static final long FRAME_40_PAYLOAD = 1_350_852;
    /** ffprobe: payload of frame #1 starts at byte 39,404. */
    private static final long FRAME_1_PAYLOAD = 39_404;
    /** ffmpeg: mean R, G, B of frame #0 decoded to rgb24. */
    private static final double[] FFMPEG_MEAN_RGB_FRAME_0 = { 120.305, 125.429, 89.285 };

    @Test
    void headerGivesTheRealSizeRateAndFrameCount() throws IOException {
        try (AviMjpegReader reader = AviMjpegReader.open(VIDEO)) {
            AviHeader header = reader.header();
            assertThat(header.width()).isEqualTo(640);
            assertThat(header.height()).isEqualTo(480);
            assertThat(header.microSecPerFrame()).isEqualTo(100_000);
            assertThat(header.totalFrames()).isEqualTo(FRAMES);
            assertThat(header.codec()).isEqualTo("MJPG");
            assertThat(header.framesPerSecond()).isEqualTo(10.0);
            assertThat(reader.nativeFps()).isEqualTo(10.0);
        }
    }

    @Test
    void onePassDecodesEveryFrameAndRewindStartsOver() throws IOException {
        try (AviMjpegReader reader = AviMjpegReader.open(VIDEO)) {
            RgbImage first = reader.next();
            int count = 1;
            for (RgbImage image = reader.next(); image != null; image = reader.next()) {
                assertThat(image.width()).isEqualTo(640);
                assertThat(image.height()).isEqualTo(480);
                count++;
            }
            assertThat(count).isEqualTo(FRAMES);

            reader.rewind();
            assertThat(reader.next().rgb()).isEqualTo(first.rgb());
        }
    }

    @Test
    void firstFrameMatchesImageIoPixelForPixelAndFfmpegOnAverage() throws IOException {
        byte[] jpeg;
        RgbImage decoded;
        try (AviMjpegReader reader = AviMjpegReader.open(VIDEO)) {
            jpeg = reader.nextJpeg();
            reader.rewind();
            decoded = reader.next();
        }
        BufferedImage reference = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(decoded.width()).isEqualTo(reference.getWidth());
        assertThat(decoded.height()).isEqualTo(reference.getHeight());
        for (int y = 0; y < decoded.height(); y++) {
            for (int x = 0; x < decoded.width(); x++) {
                if (decoded.rgbAt(x, y) != (reference.getRGB(x, y) & 0xFFFFFF)) {
                    throw new AssertionError("pixel " + x + "," + y + " differs from ImageIO.read");
                }
            }
        }
        double[] mean = meanRgb(decoded);
        for (int c = 0; c < 3; c++) {
            // Decoders differ slightly in IDCT and chroma upsampling; a swapped channel would be off by >30.
            assertThat(mean[c]).as("mean of channel %d", c).isCloseTo(FFMPEG_MEAN_RGB_FRAME_0[c], within(1.0));
        }
    }

    @Test
    void truncatedCopyIsReadUpToTheCut(@TempDir Path dir) throws IOException {
        Path cut = dir.resolve("cut.avi");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(VIDEO), (int) FRAME_40_PAYLOAD + 17_000));
        byte[] lastWhole;
        try (AviMjpegReader full = AviMjpegReader.open(VIDEO)) {
            for (int i = 0; i < 39; i++) {
                full.nextJpeg();
            }
            lastWhole = full.nextJpeg();
        }
        try (AviMjpegReader reader = AviMjpegReader.open(cut)) {
            int count = 0;
            byte[] last = null;
            for (byte[] jpeg = reader.nextJpeg(); jpeg != null; jpeg = reader.nextJpeg()) {
                last = jpeg;
                count++;
            }
            assertThat(count).as("frames #0..#39 are whole, #40 is cut").isEqualTo(40);
            assertThat(last).isEqualTo(lastWhole);

            reader.rewind();
            int decoded = 0;
            while (reader.next() != null) {
                decoded++;
            }
            assertThat(decoded).isEqualTo(40);
        }
    }

    @Test
    void fileCutInsideTheHeaderIsRefusedWithTheReason(@TempDir Path dir) throws IOException {
        Path cut = dir.resolve("header-only.avi");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(VIDEO), 100));
        assertThatThrownBy(() -> AviMjpegReader.open(cut)).isInstanceOf(IOException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("ends inside");
    }

    @Test
    void undecodableChunkIsSkipped(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(VIDEO);
        byte[] frame1 = Arrays.copyOfRange(bytes, (int) FRAME_1_PAYLOAD, (int) FRAME_1_PAYLOAD + 8);
        Arrays.fill(bytes, (int) FRAME_1_PAYLOAD, (int) FRAME_1_PAYLOAD + 64, (byte) 0); // SOI and header gone
        Path damaged = dir.resolve("damaged.avi");
        Files.write(damaged, bytes);
        assertThat(frame1[0] & 0xFF).as("frame #1 started with a JPEG SOI marker").isEqualTo(0xFF);

        try (AviMjpegReader reader = AviMjpegReader.open(damaged); AviMjpegReader intact = AviMjpegReader.open(VIDEO)) {
            assertThat(reader.next().rgb()).isEqualTo(intact.next().rgb());
            intact.next(); // #1, the damaged one
            assertThat(reader.next().rgb()).as("#1 skipped, #2 follows").isEqualTo(intact.next().rgb());
            int rest = 0;
            while (reader.next() != null) {
                rest++;
            }
            assertThat(rest).isEqualTo(FRAMES - 3);
        }
    }

    @Test
    void aFileThatIsNotAnAviIsRefused(@TempDir Path dir) throws IOException {
        Path fake = dir.resolve("photo.avi");
        Files.copy(SharedData.images().resolve("opencv_messi5.jpg"), fake);
        assertThatThrownBy(() -> AviMjpegReader.open(fake)).isInstanceOf(IOException.class)
                .hasMessageContaining("not an AVI file");
    }

    private static double[] meanRgb(RgbImage image) {
        double[] sum = new double[3];
        byte[] rgb = image.rgb();
        for (int i = 0; i < rgb.length; i++) {
            sum[i % 3] += rgb[i] & 0xFF;
        }
        int pixels = image.width() * image.height();
        return new double[] { sum[0] / pixels, sum[1] / pixels, sum[2] / pixels };
    }
}
