package org.bakusoku.frame;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * JPEG snapshots with boxes, saved when a detection rule triggers a relay; bounded by count and total size,
 * oldest deleted first.
 */
@ProviderType
public interface Snapshots {

    /**
     * One detected object shown in a snapshot.
     *
     * @param label class label, e.g. {@code "person"}
     * @param score confidence 0..1
     */
    record Item(String label, float score) {
    }

    /**
     * One saved snapshot.
     *
     * @param id        file-name-safe identifier ({@code [0-9A-Za-z_-]+}), increasing with time
     * @param timeMs    capture instant of the frame, epoch ms
     * @param reason    what triggered it, e.g. {@code "rule person-alarm: person 0.83"}
     * @param items     the detections drawn on it, highest score first
     * @param sizeBytes size of the JPEG file, bytes
     */
    record Snapshot(String id, long timeMs, String reason, List<Item> items, long sizeBytes) {
        /** Copies the list so that the record is immutable. */
        public Snapshot {
            items = List.copyOf(items);
        }
    }

    /**
     * @param limit most snapshots to list, &ge; 0
     * @return the most recent snapshots, newest first
     */
    List<Snapshot> recent(int limit);

    /**
     * @param id a snapshot id as listed by {@link #recent(int)}
     * @return the JPEG bytes, or empty if no snapshot has that id (also for ids that are not well-formed)
     */
    Optional<byte[]> jpeg(String id);
}
