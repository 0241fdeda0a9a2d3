package org.bakusoku.model.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bakusoku.model.ModelException;
import org.bakusoku.model.ModelException.Reason;
import org.bakusoku.model.ModelManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models folder ({@code <bakusoku.data>/models}): one folder per model, named by the SHA-256 of its
 * {@code .tflite}, holding {@value #MODEL}, optionally {@value #LABELS}, and {@value #MANIFEST}; plus
 * {@value #STATE} with the active choice.
 *
 * <p>A model is received into {@code .incoming/<random>/}, each file forced to the disk, its manifest written last,
 * then the whole folder is renamed to its SHA-256 name and the models folder forced: a model appears in one atomic
 * step, complete, or not at all. {@link #open} deletes what an interrupted install left in {@code .incoming} and
 * any model folder whose manifest or file does not check out, so a half-written model is never listed. Deletion
 * renames a folder into {@code .trash} first, for the same reason. Thread-safe: writers are serialized.
 */
public final class ModelStore {

    /** The model file's name inside a model folder. */
    public static final String MODEL = "model.tflite";
    /** The label file's name inside a model folder. */
    public static final String LABELS = "labels.txt";
    /** The manifest's name inside a model folder. */
    public static final String MANIFEST = "manifest.json";
    /** The active choice, in the models folder. */
    public static final String STATE = "state.json";

    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    private static final String INCOMING = ".incoming";
    private static final String TRASH = ".trash";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * A model received into a staging folder, not yet listed.
     *
     * @param dir    the staging folder
     * @param sha256 SHA-256 of the model file, 64 lowercase hex digits
     * @param size   size of the model file, bytes
     */
    public record Staged(Path dir, String sha256, long size) {

        /** @return the staged model file */
        public Path model() {
            return dir.resolve(MODEL);
        }

        /** @return the staged label file (may not exist) */
        public Path labels() {
            return dir.resolve(LABELS);
        }
    }

    private final Path root;
    /** sha256 -> manifest, in install order; guarded by {@code this}. */
    private final Map<String, ModelManifest> models = new LinkedHashMap<>();
    private RepositoryState state;

    private ModelStore(Path root) {
        this.root = root;
    }

    /**
     * Opens (creating) the models folder and cleans up after an interrupted run.
     *
     * @param root the models folder
     * @return the store
     * @throws IOException if the folder cannot be created or read
     */
    public static ModelStore open(Path root) throws IOException {
        ModelStore store = new ModelStore(root.toAbsolutePath().normalize());
        store.recover();
        return store;
    }

    /** @return the models folder */
    public Path root() {
        return root;
    }

    private synchronized void recover() throws IOException {
        Files.createDirectories(root);
        AtomicFiles.deleteTree(root.resolve(INCOMING));
        AtomicFiles.deleteTree(root.resolve(TRASH));
        List<ModelManifest> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.deleteIfExists(dir); // a state.json write that never got renamed
                } else if (Files.isDirectory(dir) && SHA256.matcher(name).matches()) {
                    ModelManifest m = check(dir, name);
                    if (m != null) {
                        found.add(m);
                    } else {
                        AtomicFiles.deleteTree(dir);
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong(ModelManifest::uploadedAtMs).thenComparing(ModelManifest::sha256));
        found.forEach(m -> models.put(m.sha256(), m));
        state = readState();
        LOG.info("Model store {}: {} model(s), active {}", root, models.size(),
                state.active() == null ? "none" : state.active().substring(0, 12));
    }

    /** @return the manifest of a complete model folder, or null (logged) if it does not check out */
    private static ModelManifest check(Path dir, String sha256) {
        try {
            ModelManifest m = ManifestJson.read(Files.readAllBytes(dir.resolve(MANIFEST)));
            long size = Files.size(dir.resolve(MODEL));
            if (!m.sha256().equals(sha256) || size != m.sizeBytes()) {
                LOG.warn("Removing model folder {}: its manifest does not match its file", dir.getFileName());
                return null;
            }
            return m;
        } catch (IOException e) {
            LOG.warn("Removing incomplete model folder {}: {}", dir.getFileName(), e.toString());
            return null;
        }
    }

    private RepositoryState readState() {
        Path file = root.resolve(STATE);
        RepositoryState read;
        try {
            read = ManifestJson.readState(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return RepositoryState.empty();
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable {}: {}; no model is marked active", file, e.toString());
            return RepositoryState.empty();
        }
        String active = read.active() != null && models.containsKey(read.active()) ? read.active() : null;
        return new RepositoryState(active, read.history().stream().filter(models::containsKey).toList());
    }

    /**
     * Streams an upload into a staging folder below {@code .incoming}, hashing it on the way and stopping at the
     * size limit; see {@link Staging#receive}.
     *
     * @param model    the model bytes; read up to {@code maxBytes + 1} bytes, not closed
     * @param maxBytes the largest accepted model, bytes
     * @param labels   the label file's bytes, or null
     * @return the staged model
     * @throws ModelException {@link Reason#TOO_LARGE} (nothing kept) or {@link Reason#STORAGE}
     */
    public Staged receive(InputStream model, long maxBytes, byte[] labels) throws ModelException {
        return Staging.receive(root.resolve(INCOMING).resolve(UUID.randomUUID().toString()), model, maxBytes, labels);
    }

    /**
     * Lists a staged model: writes its manifest, then renames its folder into place in one step.
     *
     * @param staged   the staged model; gone afterwards in every case
     * @param manifest its manifest
     * @return the manifest
     * @throws ModelException {@link Reason#ALREADY_INSTALLED} when the same bytes were listed meanwhile, or
     *                        {@link Reason#STORAGE}
     */
    public synchronized ModelManifest commit(Staged staged, ModelManifest manifest) throws ModelException {
        try {
            if (models.containsKey(staged.sha256())) {
                throw alreadyInstalled(models.get(staged.sha256()));
            }
            AtomicFiles.write(staged.dir().resolve(MANIFEST), ManifestJson.write(manifest));
            AtomicFiles.syncDirectory(staged.dir());
            Files.move(staged.dir(), root.resolve(staged.sha256()), StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(root);
            models.put(manifest.sha256(), manifest);
            return manifest;
        } catch (IOException e) {
            throw new ModelException(Reason.STORAGE, "the model could not be stored: " + e.getMessage(), null, e);
        } finally {
            deleteQuietly(staged.dir());
        }
    }

    /** @param staged a staged model to drop */
    public void discard(Staged staged) {
        deleteQuietly(staged.dir());
    }

    /**
     * @param manifest an installed model's manifest
     * @return the exception saying it is installed already
     */
    public static ModelException alreadyInstalled(ModelManifest manifest) {
        return new ModelException(Reason.ALREADY_INSTALLED, "already installed, id " + manifest.id() + " ('"
                + manifest.name() + "' v" + manifest.version() + ")", manifest.id(), null);
    }

    /** @return the listed models, in install order */
    public synchronized List<ModelManifest> list() {
        return List.copyOf(models.values());
    }

    /**
     * @param idOrSha a model id (12 hex digits) or a full SHA-256
     * @return its manifest
     */
    public synchronized Optional<ModelManifest> find(String idOrSha) {
        if (idOrSha == null || !idOrSha.matches("[0-9a-f]{12}|[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return models.values().stream().filter(m -> m.sha256().startsWith(idOrSha)).findFirst();
    }

    /** @return the model file of a listed model */
    public Path modelFile(ModelManifest m) {
        return root.resolve(m.sha256()).resolve(MODEL);
    }

    /** @return the label file of a listed model, or null if it has none */
    public Path labelsFile(ModelManifest m) {
        Path file = root.resolve(m.sha256()).resolve(LABELS);
        return Files.exists(file) ? file : null;
    }

    /**
     * @param name a model name
     * @return 1 + the highest version of listed models with that name
     */
    public synchronized int nextVersion(String name) {
        return 1 + models.values().stream().filter(m -> m.name().equals(name)).mapToInt(ModelManifest::version)
                .max().orElse(0);
    }

    /**
     * Rewrites a listed model's manifest (e.g. after a new validation).
     *
     * @param manifest the new manifest, same SHA-256
     * @throws ModelException {@link Reason#NOT_FOUND} or {@link Reason#STORAGE}
     */
    public synchronized void update(ModelManifest manifest) throws ModelException {
        if (!models.containsKey(manifest.sha256())) {
            throw new ModelException(Reason.NOT_FOUND, "no model with id " + manifest.id());
        }
        try {
            AtomicFiles.write(root.resolve(manifest.sha256()).resolve(MANIFEST), ManifestJson.write(manifest));
            models.put(manifest.sha256(), manifest);
        } catch (IOException e) {
            throw new ModelException(Reason.STORAGE, "the manifest could not be saved: " + e.getMessage(), null, e);
        }
    }

    /**
     * Unlists and deletes a model: its folder is renamed into {@code .trash} (atomic), then deleted.
     *
     * @param sha256 the model
     * @throws ModelException {@link Reason#STORAGE}
     */
    public synchronized void remove(String sha256) throws ModelException {
        if (models.remove(sha256) == null) {
            return;
        }
        Path trash = root.resolve(TRASH).resolve(sha256 + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(trash.getParent());
            Files.move(root.resolve(sha256), trash, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(root);
        } catch (IOException e) {
            throw new ModelException(Reason.STORAGE, "the model could not be deleted: " + e.getMessage(), null, e);
        }
        deleteQuietly(trash);
    }

    /** @return the active choice as last saved */
    public synchronized RepositoryState state() {
        return state;
    }

    /**
     * Saves the active choice atomically.
     *
     * @param next the new state
     * @throws ModelException {@link Reason#STORAGE}; the previous state stays in force
     */
    public synchronized void saveState(RepositoryState next) throws ModelException {
        try {
            AtomicFiles.write(root.resolve(STATE), ManifestJson.write(next));
            state = next;
        } catch (IOException e) {
            throw new ModelException(Reason.STORAGE, "the active model could not be saved: " + e.getMessage(), null,
                    e);
        }
    }

    static void deleteQuietly(Path dir) {
        try {
            AtomicFiles.deleteTree(dir);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }

}
