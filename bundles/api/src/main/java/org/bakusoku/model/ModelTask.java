package org.bakusoku.model;

/**
 * An operation of the repository in progress, for the console's progress display.
 *
 * @param kind        {@code "install"}, {@code "validate"} or {@code "activate"}
 * @param model       the model's name or id
 * @param step        the current step in plain words, e.g. {@code "running the model on 3 frames in a separate
 *                    process"}
 * @param percent     rough progress 0..100
 * @param startedAtMs when the operation started, epoch ms
 */
public record ModelTask(String kind, String model, String step, int percent, long startedAtMs) {
}
