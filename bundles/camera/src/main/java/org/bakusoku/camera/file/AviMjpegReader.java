package org.bakusoku.camera.file;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the frames of an MJPEG video in a RIFF/AVI file, in pure Java: every video chunk is a plain JPEG,
 * decoded with {@code javax.imageio}.
 *
 * <p>Layout (Microsoft AVI RIFF File Reference; OpenDML AVI File Format Extensions 1.02 for {@code AVIX}):
 * {@code RIFF 'AVI '} holds {@code LIST 'hdrl'} ({@code avih}, then one {@code LIST 'strl'} per stream with
 * {@code strh} and {@code strf}) and {@code LIST 'movi'}, whose chunks {@code NNdc}/{@code NNdb} carry the video
 * stream's frames, possibly grouped in {@code LIST 'rec '}. Chunks are word-aligned: an odd size is followed by
 * one pad byte. Audio, index ({@code idx1}, {@code ix##}) and {@code JUNK} chunks are skipped.
 *
 * <p>The reader streams: it keeps one frame's bytes in memory and walks the chunks in one pass per loop.
 * A truncated file is read up to the cut; a chunk that does not decode is skipped with a log line.
 */
public final class AviMjpegReader implements ImageSequence {

    private static final Logger LOG = LoggerFactory.getLogger(AviMjpegReader.class);
    /** Largest chunk taken for a frame; a bigger size field is corruption (an 8K RGB frame is ~100 MB raw). */
    private static final long MAX_FRAME_BYTES = 64L << 20;
    /** Compression FOURCCs whose frames are baseline JPEGs. */
    private static final Set<String> MJPEG_CODECS = Set.of("MJPG", "JPEG");

    private final Path path;
    private final RandomAccessFile file;
    private final AviHeader header;
    private final long moviStart;
    private final String videoChunkPrefix;
    private final RgbDecoder decoder = new RgbDecoder();
    private final byte[] head = new byte[12];
    private byte[] chunk = new byte[64 * 1024];
    private long fileLength;
    private long position;
    private long chunkOffset;

    private AviMjpegReader(Path path, RandomAccessFile file, AviHeader header, long moviStart) throws IOException {
        this.path = path;
        this.file = file;
        this.header = header;
        this.moviStart = moviStart;
        this.videoChunkPrefix = String.format(Locale.ROOT, "%02d", header.videoStream());
        rewind();
    }

    /**
     * Opens an AVI file and parses its header.
     *
     * @param path the {@code .avi} file
     * @return a reader positioned at the first frame
     * @throws IOException if the file cannot be read, is not a RIFF AVI, has no video stream or {@code movi}
     *                     list, or its video is not MJPEG
     */
    public static AviMjpegReader open(Path path) throws IOException {
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "r");
        try {
            AviHeaderParser parser = new AviHeaderParser(file, path);
            AviHeader header = parser.parse();
            if (!MJPEG_CODECS.contains(header.codec().toUpperCase(Locale.ROOT))) {
                throw new IOException(path + ": video codec '" + header.codec()
                        + "' is not MJPEG; only MJPEG AVI files can be decoded without native libraries");
            }
            return new AviMjpegReader(path, file, header, parser.moviStart());
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** @return the parsed header */
    public AviHeader header() {
        return header;
    }

    @Override
    public RgbImage next() throws IOException {
        for (int length = nextVideoChunk(); length >= 0; length = nextVideoChunk()) {
            if (length == 0) {
                continue; // an empty chunk marks a dropped frame: nothing to show
            }
            try {
                return decoder.decodeJpeg(chunk, 0, length);
            } catch (IOException e) {
                LOG.warn("{}: skipping the frame chunk at byte {}: {}", path, chunkOffset, e.getMessage());
            }
        }
        return null;
    }

    /**
     * Returns the raw bytes of the next video chunk without decoding them (one JPEG for MJPEG).
     *
     * @return a new array with the chunk's payload, or {@code null} at the end of this pass
     * @throws IOException if the file can no longer be read
     */
    public byte[] nextJpeg() throws IOException {
        int length = nextVideoChunk();
        return length < 0 ? null : Arrays.copyOf(chunk, length);
    }

    @Override
    public void rewind() throws IOException {
        fileLength = file.length();
        position = moviStart;
    }

    @Override
    public double nativeFps() {
        double fps = header.framesPerSecond();
        return fps > 0 ? fps : ImageFolderSequence.DEFAULT_FPS;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "AVI %s %dx%d, %d frames @ %.3g fps", header.codec(), header.width(),
                header.height(), header.totalFrames(), nativeFps());
    }

    @Override
    public void close() throws IOException {
        decoder.close();
        file.close();
    }

    /**
     * Walks the chunks from {@link #position} to the next video chunk of the video stream and reads it into
     * {@link #chunk}. Containers that hold frames ({@code LIST movi}, {@code LIST rec }, {@code RIFF AVIX}) are
     * entered; every other list and chunk is stepped over.
     *
     * @return the payload length, or -1 at the end of the file or at a truncated chunk
     */
    private int nextVideoChunk() throws IOException {
        while (position + 8 <= fileLength) {
            long start = position;
            file.seek(start);
            file.readFully(head, 0, 8);
            String id = fourcc(head, 0);
            long size = u32(head, 4);
            if (id.equals("RIFF") || id.equals("LIST")) {
                if (start + 12 > fileLength) {
                    break;
                }
                file.readFully(head, 8, 4);
                String type = fourcc(head, 8);
                boolean holdsFrames = type.equals("movi") || type.equals("rec ") || type.equals("AVIX");
                position = holdsFrames ? start + 12 : start + 8 + size + (size & 1);
                continue;
            }
            position = start + 8 + size + (size & 1);
            if (!isVideoChunk(id)) {
                continue;
            }
            if (start + 8 + size > fileLength) {
                LOG.warn("{}: frame chunk at byte {} is cut off ({} of {} bytes present); the file ends here",
                        path, start, fileLength - start - 8, size);
                position = fileLength;
                break;
            }
            if (size > MAX_FRAME_BYTES) {
                LOG.warn("{}: skipping the chunk at byte {}: size {} bytes is implausible", path, start, size);
                continue;
            }
            if (chunk.length < size) {
                chunk = new byte[(int) size];
            }
            chunkOffset = start;
            file.readFully(chunk, 0, (int) size);
            return (int) size;
        }
        return -1;
    }

    private boolean isVideoChunk(String id) {
        return (id.endsWith("dc") || id.endsWith("db")) && id.startsWith(videoChunkPrefix);
    }

    static String fourcc(byte[] b, int offset) {
        return new String(b, offset, 4, StandardCharsets.ISO_8859_1);
    }

    static long u32(byte[] b, int offset) {
        return (b[offset] & 0xFFL) | (b[offset + 1] & 0xFFL) << 8 | (b[offset + 2] & 0xFFL) << 16
                | (b[offset + 3] & 0xFFL) << 24;
    }
}
