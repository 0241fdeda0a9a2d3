package org.bakusoku.camera.file;

import static org.bakusoku.camera.file.AviMjpegReader.fourcc;
import static org.bakusoku.camera.file.AviMjpegReader.u32;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * Parses the {@code hdrl} list of an AVI file (structures from Microsoft's AVI RIFF File Reference) and
 * finds the {@code movi} list. Offsets inside {@code avih}: dwMicroSecPerFrame 0, dwTotalFrames 16,
 * dwWidth 32, dwHeight 36; inside {@code strh}: fccType 0, fccHandler 4, dwScale 20, dwRate 24, dwLength 32;
 * inside {@code strf} (BITMAPINFOHEADER): biWidth 4, biHeight 8, biCompression 16. All little-endian.
 */
final class AviHeaderParser {

    private final RandomAccessFile file;
    private final Path path;
    private final long length;
    private long moviStart = -1;

    private long microSecPerFrame;
    private long totalFrames;
    private long width;
    private long height;
    private int videoStream = -1;
    private long rate;
    private long scale;
    private long streamLength;
    private String codec = "";
    private long bitmapWidth;
    private long bitmapHeight;

    AviHeaderParser(RandomAccessFile file, Path path) throws IOException {
        this.file = file;
        this.path = path;
        this.length = file.length();
    }

    /**
     * @return the header
     * @throws IOException if the file is not a RIFF AVI with a header list, a video stream and a movi list
     */
    AviHeader parse() throws IOException {
        byte[] riff = read(0, 12, "the RIFF header");
        if (!fourcc(riff, 0).equals("RIFF") || !fourcc(riff, 8).equals("AVI ")) {
            throw new IOException(path + ": not an AVI file (no RIFF 'AVI ' signature)");
        }
        boolean sawHeader = false;
        for (long pos = 12; pos + 12 <= length && moviStart < 0;) {
            byte[] b = read(pos, 12, "a top-level chunk header");
            long size = u32(b, 4);
            if (fourcc(b, 0).equals("LIST") && fourcc(b, 8).equals("hdrl")) {
                if (pos + 8 + size > length) {
                    throw new EOFException(path + ": file ends inside the header list (hdrl), at byte " + length);
                }
                parseHeaderList(pos + 12, pos + 8 + size);
                sawHeader = true;
            } else if (fourcc(b, 0).equals("LIST") && fourcc(b, 8).equals("movi")) {
                moviStart = pos;
            }
            pos += 8 + size + (size & 1);
        }
        if (!sawHeader) {
            throw new IOException(path + ": AVI file without a header list (hdrl/avih)");
        }
        if (videoStream < 0) {
            throw new IOException(path + ": AVI file without a video stream");
        }
        if (moviStart < 0) {
            throw new IOException(path + ": AVI file without a 'movi' list (no frames)");
        }
        return new AviHeader((int) (width > 0 ? width : bitmapWidth), (int) (height > 0 ? height : bitmapHeight),
                microSecPerFrame, totalFrames > 0 ? totalFrames : streamLength, rate, scale, codec, videoStream);
    }

    /** @return the offset of the {@code LIST 'movi'} header, valid after {@link #parse()} */
    long moviStart() {
        return moviStart;
    }

    private void parseHeaderList(long start, long end) throws IOException {
        int stream = -1;
        for (long pos = start; pos + 8 <= end;) {
            byte[] b = read(pos, 8, "the header list");
            String id = fourcc(b, 0);
            long size = u32(b, 4);
            if (id.equals("avih") && size >= 40) {
                byte[] avih = read(pos + 8, 40, "avih");
                microSecPerFrame = u32(avih, 0);
                totalFrames = u32(avih, 16);
                width = u32(avih, 32);
                height = u32(avih, 36);
            } else if (id.equals("LIST") && fourcc(read(pos + 8, 4, "a stream list"), 0).equals("strl")) {
                stream++;
                if (videoStream < 0) {
                    parseStreamList(pos + 12, Math.min(pos + 8 + size, end), stream);
                }
            }
            pos += 8 + size + (size & 1);
        }
    }

    private void parseStreamList(long start, long end, int stream) throws IOException {
        boolean video = false;
        for (long pos = start; pos + 8 <= end;) {
            byte[] b = read(pos, 8, "a stream list");
            String id = fourcc(b, 0);
            long size = u32(b, 4);
            if (id.equals("strh") && size >= 36) {
                byte[] strh = read(pos + 8, 36, "strh");
                video = fourcc(strh, 0).equals("vids");
                if (!video) {
                    return;
                }
                videoStream = stream;
                codec = fourcc(strh, 4);
                scale = u32(strh, 20);
                rate = u32(strh, 24);
                streamLength = u32(strh, 32);
            } else if (id.equals("strf") && video && size >= 20) {
                byte[] strf = read(pos + 8, 20, "strf");
                bitmapWidth = u32(strf, 4);
                bitmapHeight = Math.abs((int) u32(strf, 8)); // negative height = top-down rows
                String compression = fourcc(strf, 16);
                if (compression.charAt(0) != 0) {
                    codec = compression;
                }
            }
            pos += 8 + size + (size & 1);
        }
    }

    private byte[] read(long pos, int count, String what) throws IOException {
        if (pos + count > length) {
            throw new EOFException(path + ": file ends inside " + what + " at byte " + pos);
        }
        byte[] b = new byte[count];
        file.seek(pos);
        file.readFully(b);
        return b;
    }
}
