package org.bakusoku.model;

/**
 * Something the repository reported: the content of its last {@link ModelTopics} event.
 *
 * @param topic   one of {@link ModelTopics#ACTIVATED}, {@link ModelTopics#FAILED}, {@link ModelTopics#ROLLED_BACK}
 * @param modelId the model concerned (for ROLLED_BACK: the model now active again), or null
 * @param message what happened and why, in plain words
 * @param atMs    when, epoch ms
 */
public record ModelNotice(String topic, String modelId, String message, long atMs) {
}
