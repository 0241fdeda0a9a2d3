package org.bakusoku.webconsole.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {

    @TempDir
    Path data;

    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);

    private ApiTokens open() {
        return new ApiTokens(data, now::get, new SecureRandom());
    }

    @Test
    void createdTokenWorksIsStoredOnlyAsAHashAndSurvivesARestart() throws Exception {
        ApiTokens tokens = open();

        ApiTokens.Created created = tokens.create("  backup script ");

        assertThat(created.secret()).startsWith("bks_").hasSize(47);
        assertThat(created.token().name()).isEqualTo("backup script");
        assertThat(created.token().id()).matches("[0-9a-f]{12}");
        assertThat(created.toString()).doesNotContain(created.secret());
        String file = Files.readString(data.resolve(ApiTokens.FILE));
        assertThat(file).doesNotContain(created.secret()).doesNotContain(created.secret().substring(4))
                .contains(created.token().sha256()).contains("\"created_at\" : \"2027-01-15T08:00:00Z\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(ApiTokens.FILE))))
                .isEqualTo("rw-------");

        now.addAndGet(5_000);
        assertThat(tokens.verify(created.secret())).map(ApiTokens.Token::id).contains(created.token().id());
        assertThat(tokens.lastUsedMs(created.token().id())).contains(now.get());

        ApiTokens restarted = open();
        assertThat(restarted.list()).containsExactly(created.token());
        assertThat(restarted.lastUsedMs(created.token().id())).as("kept in memory only").isEmpty();
        assertThat(restarted.verify(created.secret())).isPresent();
    }

    @Test
    void wrongOrMalformedTokensAreRefused() throws Exception {
        ApiTokens tokens = open();
        String secret = tokens.create("ci").secret();

        String flipped = secret.substring(0, 20) + (secret.charAt(20) == 'A' ? 'B' : 'A') + secret.substring(21);
        assertThat(tokens.verify(flipped)).isEmpty();
        assertThat(tokens.verify(secret.substring(4))).isEmpty();
        assertThat(tokens.verify(secret + "x")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }

    @Test
    void revokedTokenStopsWorkingAtOnceAndAfterARestart() throws Exception {
        ApiTokens tokens = open();
        ApiTokens.Created keep = tokens.create("keep");
        ApiTokens.Created revoke = tokens.create("revoke");

        assertThat(tokens.revoke(revoke.token().id())).isTrue();
        assertThat(tokens.revoke(revoke.token().id())).isFalse();

        assertThat(tokens.verify(revoke.secret())).isEmpty();
        assertThat(tokens.verify(keep.secret())).isPresent();
        assertThat(open().verify(revoke.secret())).isEmpty();
        assertThat(open().list()).extracting(ApiTokens.Token::name).containsExactly("keep");
    }

    @Test
    void badNamesAndTooManyTokensAreRefusedWithAReason() throws Exception {
        ApiTokens tokens = open();
        assertThatThrownBy(() -> tokens.create("   ")).hasMessageContaining("1 to 64 characters");
        assertThatThrownBy(() -> tokens.create("x".repeat(65))).hasMessageContaining("1 to 64 characters");
        assertThatThrownBy(() -> tokens.create("a\nb")).hasMessageContaining("control characters");
        for (int i = 0; i < ApiTokens.MAX_TOKENS; i++) {
            tokens.create("t" + i);
        }
        assertThatThrownBy(() -> tokens.create("one more")).hasMessageContaining("revoke one first");
    }

    @Test
    void damagedFileIsMovedAsideAndItsTokensStopWorking() throws Exception {
        Files.writeString(data.resolve(ApiTokens.FILE), "{not json");

        ApiTokens tokens = open();

        assertThat(tokens.list()).isEmpty();
        assertThat(data.resolve(ApiTokens.FILE + ".damaged")).hasContent("{not json");
        assertThat(data.resolve(ApiTokens.FILE)).doesNotExist();
        assertThat(tokens.verify(tokens.create("new").secret())).isPresent();
    }
}
