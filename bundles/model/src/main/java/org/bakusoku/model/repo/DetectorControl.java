package org.bakusoku.model.repo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.bakusoku.model.ModelInfo;

/** The repository's view of the detector: its configuration (what it should run) and its service (what runs). */
public interface DetectorControl {

    /**
     * What the detector is configured to run.
     *
     * @param model  the model file
     * @param labels the label file, or null for {@code labels.txt} beside the model
     * @param name   the display name, or null for the model folder's name
     */
    record Configured(Path model, Path labels, String name) {
    }

    /**
     * Tells the detector to run a model; the detector loads it beside the current one and swaps between two frames.
     *
     * @param model  the model file
     * @param labels the label file, or null for none
     * @param name   the display name
     * @throws IOException if the configuration cannot be written
     */
    void use(Path model, Path labels, String name) throws IOException;

    /**
     * @return the model the detector is configured with (its defaults if never configured), or empty if unknown
     * @throws IOException if the configuration cannot be read
     */
    Optional<Configured> configured() throws IOException;

    /** @return the model the detector service reports running, or empty without a detector */
    Optional<ModelInfo> running();
}
