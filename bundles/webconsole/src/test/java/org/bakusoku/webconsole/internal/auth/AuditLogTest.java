package org.bakusoku.webconsole.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @TempDir
    Path data;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T13:35:00.123Z"), ZoneOffset.UTC);

    @Test
    void oneLinePerEventWithWhoWhatWhenWhere() throws Exception {
        AuditLog log = new AuditLog(data, clock, 1024 * 1024, 3);

        log.record("admin", "session", "192.168.1.20", "POST /system/console/bundles", "302");
        log.record(null, "form", "192.168.1.66", "login", "refused");

        assertThat(Files.readAllLines(data.resolve(AuditLog.FILE))).containsExactly(
                "2026-11-29T13:35:00.123Z who=admin via=session from=192.168.1.20 "
                        + "what=\"POST /system/console/bundles\" result=302",
                "2026-11-29T13:35:00.123Z who=- via=form from=192.168.1.66 what=\"login\" result=refused");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(AuditLog.FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void clientTextCannotForgeLinesOrFields() throws Exception {
        AuditLog log = new AuditLog(data, clock, 1024 * 1024, 3);

        log.record("ad min", "session", "10.0.0.1",
                "POST /api/x\" result=200\n2026-01-01T00:00:00Z who=admin what=\"forged", "403");

        List<String> lines = Files.readAllLines(data.resolve(AuditLog.FILE));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).isEqualTo("2026-11-29T13:35:00.123Z who=ad%20min via=session from=10.0.0.1 "
                + "what=\"POST /api/x%22 result=200%0A2026-01-01T00:00:00Z who=admin what=%22forged\" result=403");
    }

    @Test
    void rotationKeepsTheTrailBounded() throws Exception {
        AuditLog log = new AuditLog(data, clock, 1_000, 3);
        for (int i = 0; i < 200; i++) {
            log.record("admin", "basic", "127.0.0.1", "DELETE /api/v1/auth/tokens/" + i, "204");
        }

        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("audit.log", "audit.log.1", "audit.log.2");
        }
        long total = 0;
        for (String name : new String[] { "audit.log", "audit.log.1", "audit.log.2" }) {
            long size = Files.size(data.resolve(name));
            assertThat(size).isLessThan(1_000 + 200);
            total += size;
        }
        assertThat(total).isLessThan(3 * 1_200);
        assertThat(Files.readString(data.resolve("audit.log"))).contains("tokens/199\"");
        assertThat(Files.readString(data.resolve("audit.log.1"))).doesNotContain("tokens/199\"");
    }
}
