package org.bakusoku.model.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.bakusoku.model.ModelException;
import org.bakusoku.model.ModelException.Reason;
import org.bakusoku.model.ModelManifest;
import org.bakusoku.model.ModelValidation;
import org.bakusoku.model.check.DetectorShape;
import org.bakusoku.model.check.StructureException;
import org.bakusoku.model.check.TfliteStructure;
import org.bakusoku.model.check.UploadRules;
import org.bakusoku.model.isolate.ChildValidator;
import org.bakusoku.model.store.ModelStore;

/**
 * Installs models: receive (size-limited, hashed), refuse duplicates, check the structure and the labels, run the
 * model in isolation, then list it atomically. Also re-validates installed models and adopts the model the detector
 * was configured with before the repository existed.
 *
 * <p>Several installs may run at once; their isolated runs take turns (one child JVM at a time) so that a burst
 * of uploads cannot starve the live detector of CPU on a 4-core Pi.
 */
final class Installer {

    /** Origin of a model adopted from the detector's configuration, followed by its path. */
    static final String ORIGIN_CONFIGURED = "configured: ";

    private final ModelStore store;
    private final IsolatedRun isolated;
    private final Supplier<RepositorySettings> settings;
    private final Tasks tasks;
    private final Notices notices;
    private final LongSupplier nowMs;
    private final Semaphore oneChildAtATime = new Semaphore(1, true);

    Installer(ModelStore store, IsolatedRun isolated, Supplier<RepositorySettings> settings, Tasks tasks,
            Notices notices, LongSupplier nowMs) {
        this.store = store;
        this.isolated = isolated;
        this.settings = settings;
        this.tasks = tasks;
        this.notices = notices;
        this.nowMs = nowMs;
    }

    /** See {@link org.bakusoku.model.ModelRepository#install}. */
    ModelManifest install(InputStream model, InputStream labels, String name) throws ModelException {
        String validName;
        byte[] labelBytes;
        try {
            validName = UploadRules.name(name);
            labelBytes = labels == null ? null : readLabels(labels);
        } catch (IllegalArgumentException e) {
            throw refused(null, String.valueOf(name), new ModelException(Reason.INVALID_REQUEST, e.getMessage()));
        }
        try (Tasks.Handle task = tasks.start("install", validName, "receiving the upload")) {
            ModelStore.Staged staged;
            try {
                staged = store.receive(model, settings.get().maxModelBytes(), labelBytes);
            } catch (ModelException e) {
                throw refused(null, validName, e);
            }
            try {
                return installStaged(staged, validName, "upload", task);
            } finally {
                store.discard(staged);
            }
        }
    }

    private ModelManifest installStaged(ModelStore.Staged staged, String name, String origin, Tasks.Handle task)
            throws ModelException {
        String id = staged.sha256().substring(0, 12);
        var existing = store.find(staged.sha256());
        if (existing.isPresent()) {
            throw ModelStore.alreadyInstalled(existing.get());
        }
        task.step("checking the model's structure", 20);
        TfliteStructure structure = structure(staged.model(), id, name);
        int labelCount = 0;
        if (Files.exists(staged.labels())) {
            try {
                labelCount = UploadRules.labels(Files.readAllBytes(staged.labels()),
                        structure.postProcess().numClasses()).size();
            } catch (IllegalArgumentException | IOException e) {
                throw refused(id, name, new ModelException(Reason.INVALID_REQUEST, e.getMessage()));
            }
        }
        ModelValidation validation = runIsolated(staged.model(), Files.exists(staged.labels()) ? staged.labels()
                : null, task, 30);
        if (validation.status() != ModelValidation.Status.PASSED) {
            throw refused(id, name, new ModelException(Reason.INVALID_MODEL, "the model failed its test run: "
                    + validation.message(), id, null));
        }
        task.step("storing the model", 95);
        ModelManifest manifest = new ModelManifest(id, staged.sha256(), name, store.nextVersion(name),
                nowMs.getAsLong(), staged.size(), structure.modelInput(), DetectorShape.OUTPUT_KIND,
                structure.postProcess().numClasses(), structure.postProcess().maxDetections(), labelCount, origin,
                validation);
        return store.commit(staged, manifest);
    }

    /**
     * Adds a model file from outside the repository (the detector's configured model at first start) without
     * running it in isolation: the detector already runs it.
     *
     * @param model  the model file
     * @param labels its label file, or null
     * @param name   the display name (made acceptable if needed)
     * @return the manifest, new or existing
     * @throws ModelException if it cannot be read or is not a detection model
     */
    ModelManifest adopt(Path model, Path labels, String name) throws ModelException {
        String validName = adoptableName(name);
        byte[] labelBytes = null;
        if (labels != null && Files.isRegularFile(labels)) {
            try {
                labelBytes = Files.readAllBytes(labels);
            } catch (IOException e) {
                labelBytes = null; // the model is adopted without labels; the detector reads its own file anyway
            }
        }
        ModelStore.Staged staged;
        try (InputStream in = Files.newInputStream(model)) {
            staged = store.receive(in, Long.MAX_VALUE - 1, labelBytes);
        } catch (IOException e) {
            throw new ModelException(Reason.STORAGE, "cannot read " + model + ": " + e.getMessage(), null, e);
        }
        try {
            var existing = store.find(staged.sha256());
            if (existing.isPresent()) {
                return existing.get();
            }
            String id = staged.sha256().substring(0, 12);
            TfliteStructure structure = structure(staged.model(), id, validName);
            int labelCount = 0;
            if (labelBytes != null) {
                try {
                    labelCount = UploadRules.labels(labelBytes, structure.postProcess().numClasses()).size();
                } catch (IllegalArgumentException e) {
                    Files.deleteIfExists(staged.labels());
                }
            }
            ModelManifest manifest = new ModelManifest(id, staged.sha256(), validName, store.nextVersion(validName),
                    nowMs.getAsLong(), staged.size(), structure.modelInput(), DetectorShape.OUTPUT_KIND,
                    structure.postProcess().numClasses(), structure.postProcess().maxDetections(), labelCount,
                    ORIGIN_CONFIGURED + model, ModelValidation.notRun("configured before the repository existed;"
                            + " validate it to measure it in isolation"));
            return store.commit(staged, manifest);
        } catch (IOException e) {
            throw new ModelException(Reason.STORAGE, e.getMessage(), null, e);
        } finally {
            store.discard(staged);
        }
    }

    /** See {@link org.bakusoku.model.ModelRepository#validate}. */
    ModelManifest validate(ModelManifest manifest) throws ModelException {
        try (Tasks.Handle task = tasks.start("validate", manifest.id(), "waiting to start")) {
            ModelValidation validation = runIsolated(store.modelFile(manifest), store.labelsFile(manifest), task, 0);
            ModelManifest next = manifest.withValidation(validation);
            store.update(next);
            if (validation.status() != ModelValidation.Status.PASSED) {
                notices.failed(manifest.id(), manifest.name(), "validation failed: " + validation.message());
            }
            return next;
        }
    }

    private TfliteStructure structure(Path model, String id, String name) throws ModelException {
        try (FileChannel ch = FileChannel.open(model, StandardOpenOption.READ)) {
            ByteBuffer bytes = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            TfliteStructure structure = TfliteStructure.parse(bytes);
            DetectorShape.check(structure);
            return structure;
        } catch (StructureException e) {
            throw refused(id, name, new ModelException(Reason.INVALID_MODEL, e.getMessage(), id, null));
        } catch (IOException e) {
            throw new ModelException(Reason.STORAGE, "cannot read the received model: " + e.getMessage(), id, e);
        }
    }

    private ModelValidation runIsolated(Path model, Path labels, Tasks.Handle task, int base) throws ModelException {
        try {
            task.step("waiting for another validation to finish", base);
            oneChildAtATime.acquire();
            try {
                task.step("starting a separate process to run the model", base + 5);
                ChildValidator.Result result = isolated.run(model, labels, text -> task.step(text, base + 30));
                return new ModelValidation(result.passed() ? ModelValidation.Status.PASSED
                        : ModelValidation.Status.FAILED, result.message(), result.invokeMs(), nowMs.getAsLong());
            } finally {
                oneChildAtATime.release();
            }
        } catch (IOException e) {
            throw new ModelException(Reason.STORAGE, "the model could not be run in a separate process: "
                    + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(Reason.STORAGE, "the validation was interrupted (the appliance is stopping)");
        }
    }

    private byte[] readLabels(InputStream labels) {
        try {
            byte[] bytes = labels.readNBytes(UploadRules.MAX_LABELS_BYTES + 1);
            if (bytes.length > UploadRules.MAX_LABELS_BYTES) {
                throw new IllegalArgumentException("the label file is larger than " + UploadRules.MAX_LABELS_BYTES
                        + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalArgumentException("the label file could not be read: " + e.getMessage());
        }
    }

    private ModelException refused(String id, String name, ModelException e) {
        notices.failed(id, name, e.getMessage());
        return e;
    }

    /** A configured name may hold characters an upload may not; keep the acceptable ones. */
    private static String adoptableName(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[^\\p{L}\\p{N} ._-]", "_").replace("..", "_");
        cleaned = cleaned.length() > UploadRules.MAX_NAME ? cleaned.substring(0, UploadRules.MAX_NAME) : cleaned;
        return cleaned.isBlank() ? "model" : UploadRules.name(cleaned);
    }
}
