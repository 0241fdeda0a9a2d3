package org.bakusoku.model.store;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bakusoku.model.ModelInput;
import org.bakusoku.model.ModelManifest;
import org.bakusoku.model.ModelValidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The on-disk JSON of {@code manifest.json} and {@code state.json}. Field names are spelled out here (snake case,
 * units in names, as in the JSON API) so that the files never depend on Java names.
 */
public final class ManifestJson {

    /** Format version written into every file; readers refuse a newer one. */
    static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {
    }

    /**
     * @param m a manifest
     * @return its JSON bytes
     */
    public static byte[] write(ModelManifest m) {
        ObjectNode root = MAPPER.createObjectNode().put("format", FORMAT)
                .put("id", m.id()).put("sha256", m.sha256()).put("name", m.name()).put("version", m.version())
                .put("uploaded_at", Instant.ofEpochMilli(m.uploadedAtMs()).toString())
                .put("uploaded_at_ms", m.uploadedAtMs()).put("size_bytes", m.sizeBytes());
        root.putObject("input").put("width", m.input().width()).put("height", m.input().height())
                .put("type", m.input().type());
        root.put("output_kind", m.outputKind()).put("classes", m.classes()).put("max_detections", m.maxDetections())
                .put("label_count", m.labelCount()).put("origin", m.origin());
        ModelValidation v = m.validation();
        root.putObject("validation").put("status", v.status().name()).put("message", v.message())
                .put("invoke_ms", v.invokeMs()).put("validated_at_ms", v.validatedAtMs());
        return bytes(root);
    }

    /**
     * @param json manifest bytes
     * @return the manifest
     * @throws IOException if the JSON is malformed, misses a field or has a newer format
     */
    public static ModelManifest read(byte[] json) throws IOException {
        JsonNode n = tree(json);
        JsonNode in = required(n, "input");
        JsonNode v = required(n, "validation");
        ModelValidation validation;
        try {
            validation = new ModelValidation(ModelValidation.Status.valueOf(text(v, "status")), text(v, "message"),
                    required(v, "invoke_ms").asDouble(), required(v, "validated_at_ms").asLong());
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown validation status in manifest", e);
        }
        return new ModelManifest(text(n, "id"), text(n, "sha256"), text(n, "name"), required(n, "version").asInt(),
                required(n, "uploaded_at_ms").asLong(), required(n, "size_bytes").asLong(),
                new ModelInput(required(in, "width").asInt(), required(in, "height").asInt(), text(in, "type")),
                text(n, "output_kind"), required(n, "classes").asInt(), required(n, "max_detections").asInt(),
                required(n, "label_count").asInt(), text(n, "origin"), validation);
    }

    /**
     * @param state the active choice
     * @return its JSON bytes
     */
    public static byte[] write(RepositoryState state) {
        ObjectNode root = MAPPER.createObjectNode().put("format", FORMAT);
        if (state.active() == null) {
            root.putNull("active");
        } else {
            root.put("active", state.active());
        }
        ArrayNode history = root.putArray("history");
        state.history().forEach(history::add);
        return bytes(root);
    }

    /**
     * @param json state bytes
     * @return the state
     * @throws IOException if the JSON is malformed or has a newer format
     */
    public static RepositoryState readState(byte[] json) throws IOException {
        JsonNode n = tree(json);
        JsonNode active = n.get("active");
        List<String> history = new ArrayList<>();
        required(n, "history").forEach(h -> history.add(h.asText()));
        return new RepositoryState(active == null || active.isNull() ? null : active.asText(), history);
    }

    private static JsonNode tree(byte[] json) throws IOException {
        JsonNode n = MAPPER.readTree(json);
        if (n == null || !n.isObject()) {
            throw new IOException("not a JSON object");
        }
        if (required(n, "format").asInt() > FORMAT) {
            throw new IOException("written by a newer version (format " + n.get("format").asInt() + ")");
        }
        return n;
    }

    private static JsonNode required(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IOException("field '" + field + "' is missing");
        }
        return v;
    }

    private static String text(JsonNode n, String field) throws IOException {
        return required(n, field).asText();
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
