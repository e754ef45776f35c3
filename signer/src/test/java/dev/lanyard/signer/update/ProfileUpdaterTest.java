package dev.lanyard.signer.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.refresh.FakeSource;
import dev.lanyard.signer.refresh.RefreshPolicy;
import dev.lanyard.signer.refresh.TestClock;
import dev.lanyard.signer.session.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update loop with a hand-moved clock: the sleeper advances it instead of sleeping. */
class ProfileUpdaterTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeSource source = new FakeSource(clock, Duration.ofHours(1));
    private final List<String> log = new ArrayList<>();

    @Test
    void onceWritesAndReportsTheRefreshTime() throws Exception {
        Path file = dir.resolve("credentials");
        ProfileUpdater u = new ProfileUpdater(source, new CredentialsFile(file), "work", clock, RefreshPolicy.DEFAULT, log::add);
        assertEquals(Instant.parse("2026-01-01T00:45:00Z"), u.updateOnce());
        assertTrue(Files.readString(file).contains("aws_session_token = token-1"));
    }

    @Test
    void firstFailureIsTheCallersAndWritesNothing() {
        Path file = dir.resolve("credentials");
        source.failing = true;
        ProfileUpdater u = new ProfileUpdater(source, new CredentialsFile(file), "work", clock, RefreshPolicy.DEFAULT, log::add);
        assertThrows(LanyardException.class, u::updateOnce);
        assertTrue(Files.notExists(file));
    }

    @Test
    void refreshesBeforeExpiryAndBacksOffWithoutTouchingTheFile() throws Exception {
        Path file = dir.resolve("credentials");
        ProfileUpdater u = new ProfileUpdater(source, new CredentialsFile(file), "work", clock, RefreshPolicy.DEFAULT, log::add);
        Instant next = u.updateOnce();
        List<Duration> waits = new ArrayList<>();
        List<String> snapshots = new ArrayList<>();
        Sleeper sleeper = d -> {
            waits.add(d);
            try {
                snapshots.add(Files.readString(file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (waits.size() == 2) {
                source.failing = true;
            }
            if (waits.size() == 5) {
                source.failing = false;
            }
            if (waits.size() == 6) {
                throw new InterruptedException("stop");
            }
            clock.advance(d);
        };
        u.run(next, sleeper);
        assertEquals(List.of(Duration.ofMinutes(45), Duration.ofMinutes(45), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofMinutes(45)), waits);
        assertTrue(snapshots.get(1).contains("token-2"));
        assertEquals(snapshots.get(2), snapshots.get(4), "failed refreshes leave the file as it was");
        assertTrue(snapshots.get(5).contains("token-3"), snapshots.get(5));
        assertTrue(log.stream().anyMatch(l -> l.contains("the file is unchanged; retrying in 5 s")), log.toString());
        Thread.interrupted();
    }
}
