package org.bakusoku.camera.file;

/**
 * What an AVI file's header list ({@code hdrl}) says about its video.
 *
 * <p>Field meanings follow Microsoft's AVI RIFF File Reference ({@code AVIMAINHEADER}, {@code AVISTREAMHEADER},
 * {@code BITMAPINFOHEADER}).
 *
 * @param width             frame width, pixels ({@code avih.dwWidth}, or the stream's {@code biWidth} if 0)
 * @param height            frame height, pixels ({@code avih.dwHeight}, or {@code |biHeight|} if 0)
 * @param microSecPerFrame  {@code avih.dwMicroSecPerFrame}, microseconds; 0 if unknown
 * @param totalFrames       {@code avih.dwTotalFrames}, frames in the first RIFF ({@code strh.dwLength} of the
 *                          video stream for a plain AVI 1.0 file)
 * @param rate              video stream {@code strh.dwRate}; {@code rate / scale} is the frame rate in fps
 * @param scale             video stream {@code strh.dwScale}
 * @param codec             video compression FOURCC ({@code biCompression}), e.g. {@code "MJPG"}
 * @param videoStream       index of the video stream; its chunks are named {@code NNdc} / {@code NNdb}
 */
public record AviHeader(int width, int height, long microSecPerFrame, long totalFrames, long rate, long scale,
        String codec, int videoStream) {

    /**
     * @return frames per second: {@code rate / scale} of the video stream, which is exact for rates like
     *         30000/1001, else {@code 1e6 / microSecPerFrame}, else 0 when the header gives neither
     */
    public double framesPerSecond() {
        if (rate > 0 && scale > 0) {
            return (double) rate / scale;
        }
        return microSecPerFrame > 0 ? 1e6 / microSecPerFrame : 0;
    }
}
