package org.bakusoku.webconsole.internal.api;

import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.bakusoku.model.ModelException;
import org.bakusoku.model.ModelManifest;
import org.bakusoku.model.ModelNotice;
import org.bakusoku.model.ModelRepository;
import org.bakusoku.model.ModelTask;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The model routes below {@code /api/v1} on the {@link ModelRepository}, apart from the servlet so that tests call
 * them directly. Shapes:
 * <ul>
 * <li>{@code GET /models}: {@code {active_id, rollback_id (what a roll-back would activate, or null),
 * max_model_bytes, models: [manifest + active], tasks: [{kind, model, step, percent, started_at}],
 * last_problem: {topic, model_id, message, at} | null}};</li>
 * <li>a manifest: {@code {id, sha256, name, version, uploaded_at, size_bytes, input: {width, height, type},
 * output_kind, classes, max_detections, label_count, origin, validation: {status, message, invoke_ms,
 * validated_at}}};</li>
 * <li>errors: {@code {error, message}} with 400 {@code bad_request}, 404 {@code not_found}, 409
 * {@code already_installed} (plus {@code id}), {@code active_model}, {@code nothing_to_roll_back}, 413
 * {@code too_large}, 422 {@code invalid_model}, 500 {@code storage_error}, 503 {@code no_repository}.</li>
 * </ul>
 */
final class ModelsApi {

    /** A route that may be refused by the repository. */
    @FunctionalInterface
    interface Call {
        Answer run(ModelRepository repository) throws ModelException;
    }

    private final Supplier<ModelRepository> repository;

    /** @param repository the current repository, or null while there is none */
    ModelsApi(Supplier<ModelRepository> repository) {
        this.repository = repository;
    }

    /** @return the largest model accepted, bytes, or -1 without a repository */
    long maxModelBytes() {
        ModelRepository r = repository.get();
        return r == null ? -1 : r.maxModelBytes();
    }

    /** {@code GET /models}. */
    Answer list() {
        return call(r -> {
            ObjectNode root = Json.object();
            Optional<ModelManifest> active = r.active();
            root.put("active_id", active.map(ModelManifest::id).orElse(null));
            root.put("rollback_id", r.previous().map(ModelManifest::id).orElse(null));
            root.put("max_model_bytes", r.maxModelBytes());
            ArrayNode models = root.putArray("models");
            for (ModelManifest m : r.list()) {
                models.add(manifest(m).put("active", active.isPresent() && active.get().id().equals(m.id())));
            }
            ArrayNode tasks = root.putArray("tasks");
            for (ModelTask t : r.tasks()) {
                tasks.addObject().put("kind", t.kind()).put("model", t.model()).put("step", t.step())
                        .put("percent", t.percent()).put("started_at", Instant.ofEpochMilli(t.startedAtMs()).toString());
            }
            Optional<ModelNotice> problem = r.lastProblem();
            if (problem.isEmpty()) {
                root.putNull("last_problem");
            } else {
                ModelNotice p = problem.get();
                root.putObject("last_problem").put("topic", p.topic()).put("model_id", p.modelId())
                        .put("message", p.message()).put("at", Instant.ofEpochMilli(p.atMs()).toString());
            }
            return Answer.ok(root);
        });
    }

    /** {@code GET /models/{id}}. */
    Answer get(String id) {
        return call(r -> r.get(id).map(m -> Answer.ok(manifest(m)))
                .orElse(Answer.error(404, "not_found", "No model with id '" + id + "'.")));
    }

    /**
     * {@code POST /models}.
     *
     * @param model  the model part's bytes
     * @param labels the labels part's bytes, or null
     * @param name   the name field, or null (then the upload's file name without extension)
     */
    Answer install(InputStream model, InputStream labels, String name) {
        return call(r -> new Answer(201, manifest(r.install(model, labels, name))));
    }

    /** {@code POST /models/{id}/activate}. */
    Answer activate(String id) {
        return call(r -> Answer.ok(manifest(r.activate(id))));
    }

    /** {@code POST /models/{id}/validate}. */
    Answer validate(String id) {
        return call(r -> Answer.ok(manifest(r.validate(id))));
    }

    /** {@code POST /models/rollback}. */
    Answer rollback() {
        return call(r -> Answer.ok(manifest(r.rollback())));
    }

    /** {@code DELETE /models/{id}}. */
    Answer delete(String id) {
        return call(r -> {
            r.delete(id);
            return Answer.ok(Json.object().put("deleted", id));
        });
    }

    private Answer call(Call call) {
        ModelRepository r = repository.get();
        if (r == null) {
            return Answer.error(503, "no_repository", "The model repository is not running; see the appliance log.");
        }
        try {
            return call.run(r);
        } catch (ModelException e) {
            return refusal(e);
        }
    }

    /** Maps a refusal to its status and code; an already installed model's id is included. */
    static Answer refusal(ModelException e) {
        Answer answer = switch (e.reason()) {
            case INVALID_MODEL -> Answer.error(422, "invalid_model", e.getMessage());
            case INVALID_REQUEST -> Answer.error(400, "bad_request", e.getMessage());
            case TOO_LARGE -> Answer.error(413, "too_large", e.getMessage());
            case ALREADY_INSTALLED -> Answer.error(409, "already_installed", e.getMessage());
            case NOT_FOUND -> Answer.error(404, "not_found", e.getMessage());
            case ACTIVE -> Answer.error(409, "active_model", e.getMessage());
            case NOTHING_TO_ROLL_BACK -> Answer.error(409, "nothing_to_roll_back", e.getMessage());
            case STORAGE -> Answer.error(500, "storage_error", e.getMessage());
        };
        if (e.modelId() != null) {
            ((ObjectNode) answer.body()).put("id", e.modelId());
        }
        return answer;
    }

    /** @return the manifest's JSON */
    static ObjectNode manifest(ModelManifest m) {
        ObjectNode n = Json.object().put("id", m.id()).put("sha256", m.sha256()).put("name", m.name())
                .put("version", m.version()).put("uploaded_at", Instant.ofEpochMilli(m.uploadedAtMs()).toString())
                .put("size_bytes", m.sizeBytes());
        n.putObject("input").put("width", m.input().width()).put("height", m.input().height())
                .put("type", m.input().type());
        n.put("output_kind", m.outputKind()).put("classes", m.classes()).put("max_detections", m.maxDetections())
                .put("label_count", m.labelCount()).put("origin", m.origin());
        ObjectNode v = n.putObject("validation").put("status", m.validation().status().name())
                .put("message", m.validation().message()).put("invoke_ms", m.validation().invokeMs());
        if (m.validation().validatedAtMs() > 0) {
            v.put("validated_at", Instant.ofEpochMilli(m.validation().validatedAtMs()).toString());
        } else {
            v.putNull("validated_at");
        }
        return n;
    }
}
