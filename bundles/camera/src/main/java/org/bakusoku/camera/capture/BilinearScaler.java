package org.bakusoku.camera.capture;

import org.bakusoku.camera.file.RgbImage;

/**
 * Resizes RGB images with bilinear interpolation, pixel centres aligned (the {@code half_pixel_centers} convention
 * of TensorFlow's {@code ResizeBilinear}: source coordinate = (dst + 0.5) * scale - 0.5, clamped to the edges).
 * Aspect ratio is not kept: SSD detectors are trained on stretched inputs. Integer arithmetic with 8 fractional
 * bits. Stateless and thread-safe.
 */
public final class BilinearScaler {

    private static final int ONE = 256;

    private BilinearScaler() {
    }

    /**
     * @param src    the image
     * @param width  target width, pixels, &gt; 0
     * @param height target height, pixels, &gt; 0
     * @return a new image of that size
     */
    public static RgbImage scale(RgbImage src, int width, int height) {
        int sw = src.width();
        int sh = src.height();
        int[] x0 = new int[width];
        int[] x1 = new int[width];
        int[] fx = new int[width];
        axis(sw, width, x0, x1, fx);
        int[] y0 = new int[height];
        int[] y1 = new int[height];
        int[] fy = new int[height];
        axis(sh, height, y0, y1, fy);
        byte[] in = src.rgb();
        byte[] out = new byte[width * height * 3];
        int o = 0;
        for (int y = 0; y < height; y++) {
            int row0 = y0[y] * sw * 3;
            int row1 = y1[y] * sw * 3;
            int wy = fy[y];
            for (int x = 0; x < width; x++) {
                int a = row0 + x0[x] * 3;
                int b = row0 + x1[x] * 3;
                int c = row1 + x0[x] * 3;
                int d = row1 + x1[x] * 3;
                int wx = fx[x];
                for (int ch = 0; ch < 3; ch++) {
                    int top = (in[a + ch] & 0xFF) * (ONE - wx) + (in[b + ch] & 0xFF) * wx;
                    int bottom = (in[c + ch] & 0xFF) * (ONE - wx) + (in[d + ch] & 0xFF) * wx;
                    out[o++] = (byte) ((top * (ONE - wy) + bottom * wy + ONE * ONE / 2) >> 16);
                }
            }
        }
        return new RgbImage(width, height, out);
    }

    /** Per target index: the two source indices around its centre and the weight of the second, 0..256. */
    private static void axis(int srcSize, int dstSize, int[] lo, int[] hi, int[] frac) {
        double scale = (double) srcSize / dstSize;
        for (int i = 0; i < dstSize; i++) {
            double s = Math.min(Math.max((i + 0.5) * scale - 0.5, 0), srcSize - 1);
            int base = (int) s;
            lo[i] = base;
            hi[i] = Math.min(base + 1, srcSize - 1);
            frac[i] = (int) Math.round((s - base) * ONE);
        }
    }
}
