package dev.lanyard.signer.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corrected serve semantics (PR #200), driven by a hand-moved clock and a failing source. */
class RefreshingCredentialsTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeSource source = new FakeSource(clock, Duration.ofHours(1));
    private final List<String> log = new ArrayList<>();
    private final RefreshingCredentials credentials =
            new RefreshingCredentials(source, clock, RefreshPolicy.DEFAULT, log::add);

    @Test
    void failsFastWhenTheFirstFetchFails() {
        source.failing = true;
        LanyardException e = assertThrows(LanyardException.class, credentials::start);
        assertEquals(Failure.UNAVAILABLE, e.failure());
        assertTrue(credentials.current().isEmpty());
    }

    @Test
    void refreshesAheadOfExpiryNotBefore() {
        credentials.start();
        assertEquals(Instant.parse("2026-01-01T00:45:00Z"), credentials.nextAttemptAt());
        clock.advance(Duration.ofMinutes(44));
        assertFalse(credentials.refreshIfDue());
        assertEquals("ASIAFAKE000000000001", credentials.current().orElseThrow().accessKeyId());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(credentials.refreshIfDue());
        assertEquals("ASIAFAKE000000000002", credentials.current().orElseThrow().accessKeyId());
        assertEquals(Instant.parse("2026-01-01T01:30:00Z"), credentials.nextAttemptAt());
    }

    @Test
    void keepsTheLastGoodCredentialsWhileTheyAreValid() {
        credentials.start();
        source.failing = true;
        clock.advance(Duration.ofMinutes(45));
        assertTrue(credentials.refreshIfDue());
        assertEquals("ASIAFAKE000000000001", credentials.current().orElseThrow().accessKeyId());
        assertTrue(log.get(log.size() - 1).contains("still serving the last credentials"), log.toString());
        assertEquals(clock.instant().plusSeconds(5), credentials.nextAttemptAt());
        clock.advance(Duration.ofSeconds(5));
        credentials.refreshIfDue();
        assertEquals(clock.instant().plusSeconds(10), credentials.nextAttemptAt(), "backs off");
    }

    @Test
    void nothingValidMeansEmptyUntilARefreshSucceeds() {
        credentials.start();
        source.failing = true;
        clock.advance(Duration.ofMinutes(60));
        int before = source.calls();
        assertTrue(credentials.current().isEmpty());
        assertEquals(before + 1, source.calls(), "one attempt when nothing is valid");
        assertTrue(credentials.current().isEmpty());
        assertEquals(before + 1, source.calls(), "no second attempt inside the minimum interval");
        clock.advance(Duration.ofSeconds(5));
        source.failing = false;
        assertEquals("ASIAFAKE000000000002", credentials.current().orElseThrow().accessKeyId());
    }

    @Test
    void theBackgroundThreadRefreshesWhenDue() throws Exception {
        java.util.concurrent.CountDownLatch refreshed = new java.util.concurrent.CountDownLatch(2);
        CredentialSource counting = () -> {
            refreshed.countDown();
            return source.fetch();
        };
        try (RefreshingCredentials background = new RefreshingCredentials(counting, clock, RefreshPolicy.DEFAULT, log::add)) {
            background.start();
            clock.advance(Duration.ofMinutes(46));
            background.startBackground();
            assertTrue(refreshed.await(30, java.util.concurrent.TimeUnit.SECONDS), "no background refresh");
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("lanyard-credential-refresh") && t.isDaemon()));
        }
    }

    @Test
    void logLinesCarryNoSecrets() {
        credentials.start();
        source.failing = true;
        clock.advance(Duration.ofMinutes(61));
        credentials.current();
        for (String line : log) {
            assertFalse(line.contains("secret/") || line.contains("token-"), line);
        }
    }
}
