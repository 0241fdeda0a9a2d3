package org.bakusoku.camera.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bakusoku.frame.Snapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshot files in one folder: {@code <id>.jpg} and a text sidecar {@code <id>.txt} (line 1: capture time, epoch
 * ms; line 2: the reason; then one {@code score<TAB>label} line per detection). Ids are the UTC capture time,
 * {@code yyyyMMdd-HHmmss-SSS}, plus {@code -N} on a collision, so file-name order is time order. After each save the
 * oldest snapshots are deleted until at most {@code maxCount} remain and their JPEGs total at most {@code maxBytes}.
 * Files are written to a temporary name and renamed, so a listing never shows half a snapshot. Survives restarts
 * (the folder is the state). Thread-safe.
 */
public final class SnapshotStore implements Snapshots {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
    private static final Pattern ID = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9]{3}(-[0-9]+)?");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private volatile int maxCount;
    private volatile long maxBytes;

    /**
     * @param dir      the snapshot folder; created when the first snapshot is saved
     * @param maxCount most snapshots kept, &ge; 1
     * @param maxBytes most bytes of JPEG kept, &ge; 1
     */
    public SnapshotStore(Path dir, int maxCount, long maxBytes) {
        this.dir = dir;
        limits(maxCount, maxBytes);
    }

    /**
     * Changes the bounds; they apply from the next save.
     *
     * @param count most snapshots, &ge; 1
     * @param bytes most JPEG bytes, &ge; 1
     * @throws IllegalArgumentException if a bound is below 1
     */
    public void limits(int count, long bytes) {
        if (count < 1 || bytes < 1) {
            throw new IllegalArgumentException("snapshot limits must be at least 1, got " + count + " / " + bytes);
        }
        maxCount = count;
        maxBytes = bytes;
    }

    /** @return the snapshot folder */
    public Path dir() {
        return dir;
    }

    /**
     * Saves one snapshot, then deletes the oldest ones beyond the bounds.
     *
     * @param jpeg   the JPEG bytes
     * @param timeMs capture time of the frame, epoch ms
     * @param reason what triggered it (one line is kept)
     * @param items  the detections drawn on it
     * @return the saved snapshot
     * @throws IOException if the files cannot be written
     */
    public synchronized Snapshot save(byte[] jpeg, long timeMs, String reason, List<Item> items) throws IOException {
        Files.createDirectories(dir);
        String base = ID_TIME.format(Instant.ofEpochMilli(timeMs));
        String id = base;
        for (int n = 1; Files.exists(dir.resolve(id + ".txt")); n++) {
            id = base + "-" + n;
        }
        StringBuilder text = new StringBuilder().append(timeMs).append('\n')
                .append(reason == null ? "" : reason.replaceAll("[\\r\\n\\t]+", " ")).append('\n');
        for (Item item : items) {
            text.append(String.format(Locale.ROOT, "%.4f", item.score())).append('\t')
                    .append(item.label().replaceAll("[\\r\\n\\t]+", " ")).append('\n');
        }
        write(dir.resolve(id + ".jpg"), jpeg); // image first: a sidecar always has its image
        write(dir.resolve(id + ".txt"), text.toString().getBytes(StandardCharsets.UTF_8));
        prune();
        return new Snapshot(id, timeMs, reason, items, jpeg.length);
    }

    @Override
    public synchronized List<Snapshot> recent(int limit) {
        List<Snapshot> out = new ArrayList<>();
        for (String id : idsNewestFirst()) {
            if (out.size() >= limit) {
                break;
            }
            read(id).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<byte[]> jpeg(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty(); // never a path from outside
        }
        try {
            return Optional.of(Files.readAllBytes(dir.resolve(id + ".jpg")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<Snapshot> read(String id) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(id + ".txt"), StandardCharsets.UTF_8);
            List<Item> items = new ArrayList<>();
            for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    items.add(new Item(line.substring(tab + 1), Float.parseFloat(line.substring(0, tab))));
                }
            }
            return Optional.of(new Snapshot(id, Long.parseLong(lines.get(0).strip()), lines.size() > 1 ? lines.get(1)
                    : "", items, Files.size(dir.resolve(id + ".jpg"))));
        } catch (IOException | RuntimeException e) {
            LOG.debug("camera: snapshot {} unreadable: {}", id, e.toString());
            return Optional.empty();
        }
    }

    private void prune() throws IOException {
        List<String> ids = idsNewestFirst();
        long bytes = 0;
        for (int i = 0; i < ids.size(); i++) {
            Path jpg = dir.resolve(ids.get(i) + ".jpg");
            bytes += Files.exists(jpg) ? Files.size(jpg) : 0;
            if (i > 0 && (i >= maxCount || bytes > maxBytes)) { // the newest is always kept
                Files.deleteIfExists(dir.resolve(ids.get(i) + ".txt"));
                Files.deleteIfExists(jpg);
                LOG.debug("camera: snapshot {} deleted (over {} snapshots or {} bytes)", ids.get(i), maxCount,
                        maxBytes);
            }
        }
    }

    private List<String> idsNewestFirst() {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.txt")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - 4);
                if (ID.matcher(id).matches()) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            LOG.warn("camera: cannot list snapshots in {}: {}", dir, e.toString());
        }
        ids.sort(Comparator.comparing(SnapshotStore::sortKey).reversed());
        return ids;
    }

    /** Time part, then the collision counter as a number (so "-10" sorts after "-9"). */
    private static String sortKey(String id) {
        int dash = id.indexOf('-', 16);
        String n = dash < 0 ? "0" : id.substring(dash + 1);
        return id.substring(0, 19) + String.format(Locale.ROOT, "%08d", Long.parseLong(n));
    }

    private static void write(Path target, byte[] data) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, data);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
