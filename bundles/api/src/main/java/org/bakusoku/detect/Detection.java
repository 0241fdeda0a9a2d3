package org.bakusoku.detect;

/**
 * One detected object.
 *
 * @param label   class name from the model's label file, e.g. {@code "person"}
 * @param classId 0-based class index as the model outputs it (for the COCO SSD, 0 = person)
 * @param score   confidence 0..1
 * @param box     location in normalized 0..1 coordinates
 */
public record Detection(String label, int classId, float score, Box box) {
}
