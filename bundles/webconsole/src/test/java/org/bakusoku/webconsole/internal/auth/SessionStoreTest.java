package org.bakusoku.webconsole.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SessionStore store = new SessionStore(now::get, new SecureRandom(), 30 * 60_000, 12 * 3_600_000);

    @Test
    void cookieValueFindsItsSessionAndIsNotWhatTheStoreKeeps() {
        SessionStore.NewSession created = store.create("admin", false);

        assertThat(created.cookieValue()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(created.session().csrfToken()).hasSize(43).isNotEqualTo(created.cookieValue());
        assertThat(created.session().key()).isNotEqualTo(created.cookieValue());
        assertThat(created.toString()).doesNotContain(created.cookieValue());
        assertThat(store.find(created.cookieValue())).containsSame(created.session());
        assertThat(store.find(created.cookieValue().substring(1) + "A")).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    @Test
    void idleSessionEndsAfterTheIdleTimeoutButRequestsKeepItAlive() {
        String cookie = store.create("admin", false).cookieValue();

        now.addAndGet(29 * 60_000);
        assertThat(store.find(cookie)).isPresent();
        now.addAndGet(29 * 60_000);
        assertThat(store.find(cookie)).as("58 min after login, 29 min idle").isPresent();
        now.addAndGet(30 * 60_000);
        assertThat(store.find(cookie)).as("30 min idle").isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void busySessionStillEndsAtItsAbsoluteLifetime() {
        String cookie = store.create("admin", false).cookieValue();
        for (int i = 0; i < 12 * 6 - 1; i++) {
            now.addAndGet(10 * 60_000);
            assertThat(store.find(cookie)).isPresent();
        }
        now.addAndGet(10 * 60_000);
        assertThat(store.find(cookie)).as("12 h after login").isEmpty();
    }

    @Test
    void shorterTimeoutsApplyToExistingSessions() {
        String cookie = store.create("admin", false).cookieValue();
        now.addAndGet(6 * 60_000);

        store.configure(5 * 60_000, 3_600_000);

        assertThat(store.find(cookie)).isEmpty();
    }

    @Test
    void endingAllButOneKeepsOnlyThatOne() {
        SessionStore.NewSession mine = store.create("admin", true);
        String other = store.create("admin", false).cookieValue();
        String third = store.create("admin", false).cookieValue();

        assertThat(store.endAllExcept(mine.session())).isEqualTo(2);

        assertThat(store.find(mine.cookieValue())).isPresent();
        assertThat(store.find(other)).isEmpty();
        assertThat(store.find(third)).isEmpty();
        store.end(mine.session());
        assertThat(store.find(mine.cookieValue())).isEmpty();
    }

    @Test
    void atMostMaxSessionsLiveAndTheLeastRecentlyUsedGoesFirst() {
        String oldest = store.create("admin", false).cookieValue();
        now.incrementAndGet();
        String used = store.create("admin", false).cookieValue();
        for (int i = 2; i < SessionStore.MAX_SESSIONS; i++) {
            now.incrementAndGet();
            store.create("admin", false);
        }
        now.incrementAndGet();
        store.find(used);

        store.create("admin", false);

        assertThat(store.size()).isEqualTo(SessionStore.MAX_SESSIONS);
        assertThat(store.find(oldest)).isEmpty();
        assertThat(store.find(used)).isPresent();
    }
}
