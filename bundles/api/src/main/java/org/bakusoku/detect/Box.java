package org.bakusoku.detect;

/**
 * An axis-aligned bounding box in normalized image coordinates: 0..1 across the frame, origin at the
 * top-left corner. Values may lie slightly outside 0..1 when a model predicts a box past the border
 * (the TFLite SSD post-process does not clip).
 *
 * @param xmin left edge, fraction of frame width
 * @param ymin top edge, fraction of frame height
 * @param xmax right edge, fraction of frame width, &ge; xmin
 * @param ymax bottom edge, fraction of frame height, &ge; ymin
 */
public record Box(float xmin, float ymin, float xmax, float ymax) {

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
