package org.bakusoku.detect;

/**
 * An axis-aligned bounding box in normalized image coordinates: 0..1 across the frame, origin at the
 * top-left corner. The TFLite SSD post-process does not clip, so a model's raw boxes may lie slightly outside
 * 0..1; detectors hand out {@link #clippedToFrame() clipped} boxes.
 *
 * @param xmin left edge, fraction of frame width
 * @param ymin top edge, fraction of frame height
 * @param xmax right edge, fraction of frame width, &ge; xmin
 * @param ymax bottom edge, fraction of frame height, &ge; ymin
 */
public record Box(float xmin, float ymin, float xmax, float ymax) {

    /**
     * The part of this box inside the frame, as drawn and reported: each edge clamped to 0..1 (NaN becomes 0).
     * Done after NMS, which (like the TFLite kernel) compares the unclipped boxes.
     *
     * @return this box if already inside the frame, else a clipped copy
     */
    public Box clippedToFrame() {
        float x0 = clamp(xmin), y0 = clamp(ymin), x1 = clamp(xmax), y1 = clamp(ymax);
        return x0 == xmin && y0 == ymin && x1 == xmax && y1 == ymax ? this : new Box(x0, y0, x1, y1);
    }

    private static float clamp(float v) {
        return v >= 0f ? Math.min(v, 1f) : 0f;
    }

    /** @return box area as a fraction of the frame area, 0 for an empty or inverted box */
    public float area() {
        return Math.max(0f, xmax - xmin) * Math.max(0f, ymax - ymin);
    }

    /** @return horizontal centre, fraction of frame width */
    public float centerX() {
        return (xmin + xmax) / 2f;
    }

    /** @return vertical centre, fraction of frame height */
    public float centerY() {
        return (ymin + ymax) / 2f;
    }

    /**
     * Intersection over union (Jaccard index), the overlap measure used by NMS.
     *
     * @param other the other box
     * @return IoU in 0..1; 0 when either box is empty
     */
    public float iou(Box other) {
        float ix = Math.max(0f, Math.min(xmax, other.xmax) - Math.max(xmin, other.xmin));
        float iy = Math.max(0f, Math.min(ymax, other.ymax) - Math.max(ymin, other.ymin));
        float inter = ix * iy;
        float union = area() + other.area() - inter;
        return union <= 0f ? 0f : inter / union;
    }
}
