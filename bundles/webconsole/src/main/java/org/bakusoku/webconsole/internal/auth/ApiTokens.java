package org.bakusoku.webconsole.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * API tokens for scripts ({@code Authorization: Bearer bks_...}): created and revoked in the console, stored in
 * {@code <data>/}{@value #FILE} as SHA-256 hashes only.
 *
 * <p>Why a fast hash is enough here, unlike for passwords: a token is 256 random bits, so there is nothing to
 * guess from its hash (the same reasoning GitHub and others apply to their tokens). The clear token is shown
 * once, at creation. Last-use times are kept in memory only, so using a token never writes to the SD card.
 */
public final class ApiTokens {

    /** File name in the data folder. */
    public static final String FILE = "api-tokens.json";
    /** Prefix of every token, so leaked tokens are recognisable by secret scanners. */
    static final String PREFIX = "bks_";
    /** Most tokens kept at once. */
    static final int MAX_TOKENS = 50;
    /** Longest token name, characters. */
    static final int MAX_NAME_CHARS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int TOKEN_CHARS = PREFIX.length() + 43;

    /**
     * A stored token, without its secret.
     *
     * @param id          short random id, 12 hex digits, used to revoke it
     * @param name        the user's label
     * @param createdAtMs creation time, epoch ms
     * @param sha256      hex SHA-256 of the token
     */
    public record Token(String id, String name, long createdAtMs, String sha256) {
    }

    /**
     * A token just created.
     *
     * @param token  its stored form
     * @param secret the clear token, {@code bks_} + 43 URL-safe Base64 characters; shown once, never stored
     */
    public record Created(Token token, String secret) {
        @Override
        public String toString() {
            return "Created[" + token + ", secret=***]";
        }
    }

    private final Path file;
    private final LongSupplier clockMs;
    private final SecureRandom random;
    private final Map<String, Long> lastUsedMs = new ConcurrentHashMap<>();
    private volatile List<Token> tokens;

    /**
     * Loads the tokens. A damaged file is moved aside ({@code .damaged}) and logged; its tokens stop working.
     *
     * @param dataDir the data folder
     * @param clockMs wall clock, epoch ms
     * @param random  source of tokens and ids
     */
    public ApiTokens(Path dataDir, LongSupplier clockMs, SecureRandom random) {
        this.file = dataDir.resolve(FILE);
        this.clockMs = clockMs;
        this.random = random;
        this.tokens = load(file);
    }

    private static List<Token> load(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Token> out = new ArrayList<>();
            for (JsonNode n : MAPPER.readTree(file.toFile()).path("tokens")) {
                String sha = n.path("sha256").asText();
                if (sha.length() != 64 || n.path("id").asText().isEmpty()) {
                    throw new IOException("token entry without id or sha256");
                }
                out.add(new Token(n.path("id").asText(), n.path("name").asText(),
                        Instant.parse(n.path("created_at").asText()).toEpochMilli(), sha));
            }
            return List.copyOf(out);
        } catch (IOException | RuntimeException e) {
            LOG.error("API token file {} is damaged ({}); its tokens no longer work. Moved aside to {}.damaged; "
                    + "create new tokens in the console.", file, e.getMessage(), file.getFileName());
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".damaged"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.error("could not move {} aside: {}", file, moveFailed.getMessage());
            }
            return List.of();
        }
    }

    /** @return the stored tokens, oldest first */
    public List<Token> list() {
        return tokens;
    }

    /**
     * @param id a token id
     * @return when the token was last used since this start, epoch ms, or empty
     */
    public Optional<Long> lastUsedMs(String id) {
        return Optional.ofNullable(lastUsedMs.get(id));
    }

    /**
     * Creates a token.
     *
     * @param name label, 1..{@value #MAX_NAME_CHARS} characters without control characters, surrounding white
     *             space ignored
     * @return the token with its clear secret
     * @throws IllegalArgumentException if the name is invalid or {@value #MAX_TOKENS} tokens exist, saying why
     * @throws IOException              if the file cannot be written (nothing changes then)
     */
    public synchronized Created create(String name) throws IOException {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME_CHARS || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a token name has 1 to " + MAX_NAME_CHARS
                    + " characters and no control characters");
        }
        if (tokens.size() >= MAX_TOKENS) {
            throw new IllegalArgumentException("there are already " + MAX_TOKENS + " tokens; revoke one first");
        }
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        byte[] idBytes = new byte[6];
        random.nextBytes(idBytes);
        Token token = new Token(HexFormat.of().formatHex(idBytes), label, clockMs.getAsLong(), sha256(secret));
        List<Token> next = new ArrayList<>(tokens);
        next.add(token);
        save(next);
        return new Created(token, secret);
    }

    /**
     * @param id the token's id
     * @return true if it existed and is now revoked
     * @throws IOException if the file cannot be written (the token then stays valid)
     */
    public synchronized boolean revoke(String id) throws IOException {
        List<Token> next = new ArrayList<>(tokens);
        if (!next.removeIf(t -> t.id().equals(id))) {
            return false;
        }
        save(next);
        lastUsedMs.remove(id);
        return true;
    }

    /**
     * @param presented the token from an {@code Authorization: Bearer} header, may be null
     * @return the stored token it matches, or empty
     */
    public Optional<Token> verify(String presented) {
        if (presented == null || presented.length() != TOKEN_CHARS || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        byte[] digest = HexFormat.of().parseHex(sha256(presented));
        Token match = null;
        for (Token token : tokens) { // every entry is compared, in constant time each
            if (MessageDigest.isEqual(digest, HexFormat.of().parseHex(token.sha256()))) {
                match = token;
            }
        }
        if (match != null) {
            lastUsedMs.put(match.id(), clockMs.getAsLong());
        }
        return Optional.ofNullable(match);
    }

    private void save(List<Token> next) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("tokens");
        for (Token t : next) {
            array.addObject().put("id", t.id()).put("name", t.name())
                    .put("created_at", Instant.ofEpochMilli(t.createdAtMs()).toString()).put("sha256", t.sha256());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        SecretFiles.writeAtomically(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        tokens = List.copyOf(next);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
