package org.bakusoku.camera.stream;

/**
 * Converts limited-range ("studio swing": Y 16..235, Cb/Cr 16..240) Y'CbCr to 8-bit R'G'B'.
 *
 * <p>Coefficients: ITU-R BT.601 (SMPTE 170M) and ITU-R BT.709, from their luma weights Kr, Kb:
 * R = 255/219 (Y-16) + 255/224 * 2(1-Kr) (Cr-128); B = 255/219 (Y-16) + 255/224 * 2(1-Kb) (Cb-128);
 * G from the luma equation. libcamera's video streams from {@code rpicam-vid} use SMPTE 170M below 1280x720 and
 * Rec.709 from 1280 wide or 720 high up (rpicam-apps {@code core/rpicam_app.cpp}, video configuration).
 * Fixed-point with 16 fractional bits. Thread-safe.
 */
public enum YuvConverter {
    /** ITU-R BT.601 / SMPTE 170M: Kr = 0.299, Kb = 0.114. */
    BT601(0.299, 0.114),
    /** ITU-R BT.709: Kr = 0.2126, Kb = 0.0722. */
    BT709(0.2126, 0.0722);

    private static final int SHIFT = 16;
    private final int yScale;
    private final int crToR;
    private final int cbToG;
    private final int crToG;
    private final int cbToB;

    YuvConverter(double kr, double kb) {
        double kg = 1 - kr - kb;
        double c = 255.0 / 224.0;
        double crR = c * 2 * (1 - kr);
        double cbB = c * 2 * (1 - kb);
        yScale = fixed(255.0 / 219.0);
        crToR = fixed(crR);
        cbToB = fixed(cbB);
        cbToG = fixed(cbB * kb / kg);
        crToG = fixed(crR * kr / kg);
    }

    /**
     * @param width  frame width, pixels
     * @param height frame height, pixels
     * @return the matrix libcamera uses for a video stream of that size
     */
    public static YuvConverter forLibcameraVideo(int width, int height) {
        return width >= 1280 || height >= 720 ? BT709 : BT601;
    }

    /**
     * @param i420   Y plane (width*height), then U and V planes ((width/2)*(height/2) each)
     * @param width  even width, pixels
     * @param height even height, pixels
     * @return new interleaved RGB bytes, width*height*3
     */
    public byte[] i420ToRgb(byte[] i420, int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        int uBase = width * height;
        int vBase = uBase + (width / 2) * (height / 2);
        int o = 0;
        for (int y = 0; y < height; y++) {
            int chromaRow = (y / 2) * (width / 2);
            for (int x = 0; x < width; x++) {
                int luma = ((i420[y * width + x] & 0xFF) - 16) * yScale;
                int cb = (i420[uBase + chromaRow + x / 2] & 0xFF) - 128;
                int cr = (i420[vBase + chromaRow + x / 2] & 0xFF) - 128;
                rgb[o++] = clamp(luma + crToR * cr);
                rgb[o++] = clamp(luma - cbToG * cb - crToG * cr);
                rgb[o++] = clamp(luma + cbToB * cb);
            }
        }
        return rgb;
    }

    private static int fixed(double value) {
        return (int) Math.round(value * (1 << SHIFT));
    }

    private static byte clamp(int fixedValue) {
        int v = (fixedValue + (1 << (SHIFT - 1))) >> SHIFT;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
