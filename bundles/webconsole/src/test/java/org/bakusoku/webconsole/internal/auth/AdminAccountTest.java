package org.bakusoku.webconsole.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminAccountTest {

    private static final String URL = "http://pi:8080/system/console/detections";

    @TempDir
    Path data;

    private final List<String> banners = new ArrayList<>();

    private AdminAccount open() {
        return AdminAccount.open(data, URL, banners::add, System::nanoTime, new SecureRandom());
    }

    @Test
    void firstStartGeneratesPasswordStoresOnlyItsHashAndPrintsTheBannerOnce() throws Exception {
        AdminAccount account = open();

        String password = Files.readString(data.resolve(AdminAccount.INITIAL_FILE)).strip();
        assertThat(password).hasSize(AdminAccount.PASSWORD_LENGTH);
        assertThat(password.chars()).allMatch(c -> AdminAccount.ALPHABET.indexOf(c) >= 0);

        String stored = Files.readString(data.resolve(AdminAccount.HASH_FILE)).strip();
        assertThat(stored).startsWith("pbkdf2-sha256$600000$").doesNotContain(password);
        assertThat(PasswordHash.parse(stored).hash()).hasSize(32);

        Set<PosixFilePermission> ownerOnly = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(data.resolve(AdminAccount.INITIAL_FILE))).isEqualTo(ownerOnly);
        assertThat(Files.getPosixFilePermissions(data.resolve(AdminAccount.HASH_FILE))).isEqualTo(ownerOnly);
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(AdminAccount.HASH_FILE, AdminAccount.INITIAL_FILE,
                            AdminAccount.GENERATED_MARKER);
        }
        assertThat(account.mustChangePassword()).isTrue();

        assertThat(banners).hasSize(1);
        assertThat(banners.get(0)).contains("user:     admin", "console:  " + URL,
                data.resolve(AdminAccount.INITIAL_FILE).toAbsolutePath().toString()).doesNotContain(password);

        assertThat(account.verify("admin", password)).isTrue();
        assertThat(account.verify("admin", "admin")).isFalse();
        assertThat(account.verify("root", password)).isFalse();
        assertThat(account.verify("admin", "")).isFalse();
        assertThat(account.verify(null, null)).isFalse();
    }

    @Test
    void secondStartKeepsThePasswordAndPrintsNothing() throws Exception {
        open();
        String password = Files.readString(data.resolve(AdminAccount.INITIAL_FILE)).strip();
        String hash = Files.readString(data.resolve(AdminAccount.HASH_FILE));
        banners.clear();

        AdminAccount again = open();

        assertThat(banners).isEmpty();
        assertThat(Files.readString(data.resolve(AdminAccount.HASH_FILE))).isEqualTo(hash);
        assertThat(Files.readString(data.resolve(AdminAccount.INITIAL_FILE)).strip()).isEqualTo(password);
        assertThat(again.verify("admin", password)).isTrue();
        assertThat(again.mustChangePassword()).isTrue();
    }

    @Test
    void deletedInitialPasswordFileIsNotRecreated() throws Exception {
        open();
        Files.delete(data.resolve(AdminAccount.INITIAL_FILE));
        banners.clear();

        open();

        assertThat(banners).isEmpty();
        assertThat(data.resolve(AdminAccount.INITIAL_FILE)).doesNotExist();
    }

    @Test
    void damagedHashFileLocksTheAccountInsteadOfGeneratingANewPassword() throws Exception {
        Files.writeString(data.resolve(AdminAccount.HASH_FILE), "pbkdf2-sha256$1000$AAAA$BBBB\n");

        AdminAccount account = open();

        assertThat(banners).isEmpty();
        assertThat(data.resolve(AdminAccount.INITIAL_FILE)).doesNotExist();
        assertThat(Files.readString(data.resolve(AdminAccount.HASH_FILE))).isEqualTo("pbkdf2-sha256$1000$AAAA$BBBB\n");
        assertThat(account.verify("admin", "admin")).isFalse();
    }

    @Test
    void generatedPasswordsDiffer() {
        SecureRandom random = new SecureRandom();
        assertThat(AdminAccount.generatePassword(random)).isNotEqualTo(AdminAccount.generatePassword(random));
    }

    @Test
    void changedPasswordReplacesTheInitialOneAndSurvivesARestart() throws Exception {
        AdminAccount account = open();
        String initial = Files.readString(data.resolve(AdminAccount.INITIAL_FILE)).strip();
        assertThat(account.check("admin", initial)).isEqualTo(AdminAccount.Check.VERIFIED);
        assertThat(account.check("admin", initial)).isEqualTo(AdminAccount.Check.CACHED);

        account.changePassword("correct horse battery staple");

        assertThat(account.verify("admin", initial)).as("the cached initial password is forgotten").isFalse();
        assertThat(account.verify("admin", "correct horse battery staple")).isTrue();
        assertThat(account.mustChangePassword()).isFalse();
        assertThat(data.resolve(AdminAccount.INITIAL_FILE)).doesNotExist();
        assertThat(data.resolve(AdminAccount.GENERATED_MARKER)).doesNotExist();
        String stored = Files.readString(data.resolve(AdminAccount.HASH_FILE));
        assertThat(stored).startsWith("pbkdf2-sha256$600000$").doesNotContain("correct horse").doesNotContain(initial);

        AdminAccount restarted = open();
        assertThat(restarted.verify("admin", initial)).isFalse();
        assertThat(restarted.verify("admin", "correct horse battery staple")).isTrue();
        assertThat(restarted.mustChangePassword()).isFalse();
    }

    @Test
    void preseededPasswordIsUsedOnceDeletedAndNeverPrinted() throws Exception {
        Files.writeString(data.resolve(AdminAccount.PRESEED_FILE), "my own pass phrase\n");

        AdminAccount account = open();

        assertThat(banners).isEmpty();
        assertThat(data.resolve(AdminAccount.PRESEED_FILE)).doesNotExist();
        assertThat(data.resolve(AdminAccount.INITIAL_FILE)).doesNotExist();
        assertThat(account.mustChangePassword()).as("the user chose it: no forced change").isFalse();
        assertThat(account.verify("admin", "my own pass phrase")).isTrue();
        assertThat(Files.readString(data.resolve(AdminAccount.HASH_FILE))).doesNotContain("pass phrase");
    }

    @Test
    void preseedStaysUntilTheHashIsWritten() throws Exception {
        Files.writeString(data.resolve(AdminAccount.PRESEED_FILE), "my own pass phrase\n");
        // A non-empty folder where the hash's temporary file goes: the write fails, as on a full or broken disk.
        Path blocker = Files.createDirectories(data.resolve(AdminAccount.HASH_FILE + ".tmp"));
        Files.writeString(blocker.resolve("x"), "x");

        AdminAccount broken = open();

        assertThat(broken.verify("admin", "my own pass phrase")).isFalse();
        assertThat(data.resolve(AdminAccount.PRESEED_FILE)).as("kept for the next start").exists();

        Files.delete(blocker.resolve("x"));
        Files.delete(blocker);
        AdminAccount fixed = open();

        assertThat(fixed.verify("admin", "my own pass phrase")).isTrue();
        assertThat(data.resolve(AdminAccount.PRESEED_FILE)).doesNotExist();
        assertThat(banners).isEmpty();
    }

    @Test
    void tooShortPreseedIsRefusedDeletedAndAPasswordGeneratedInstead() throws Exception {
        Files.writeString(data.resolve(AdminAccount.PRESEED_FILE), "short\n");

        AdminAccount account = open();

        assertThat(data.resolve(AdminAccount.PRESEED_FILE)).doesNotExist();
        assertThat(banners).hasSize(1);
        assertThat(account.verify("admin", "short")).isFalse();
        assertThat(account.mustChangePassword()).isTrue();
    }

    @Test
    void preseedAfterTheFirstStartIsIgnoredAndDeleted() throws Exception {
        open();
        String initial = Files.readString(data.resolve(AdminAccount.INITIAL_FILE)).strip();
        Files.writeString(data.resolve(AdminAccount.PRESEED_FILE), "a later pass phrase\n");

        AdminAccount account = open();

        assertThat(data.resolve(AdminAccount.PRESEED_FILE)).doesNotExist();
        assertThat(account.verify("admin", "a later pass phrase")).isFalse();
        assertThat(account.verify("admin", initial)).isTrue();
    }
}
