package dev.lanyard.signer.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefreshPolicyTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest(name = "lifetime {0} s → refresh {1} s after obtaining")
    @CsvSource({
            "3600, 2700",   // 15 minutes ahead
            "43200, 42300",
            "900, 600",     // a third of a 15-minute session
            "1200, 800",
            "0, 0",
    })
    void refreshTime(long lifetime, long after) {
        assertEquals(T0.plusSeconds(after), RefreshPolicy.DEFAULT.refreshAt(T0, T0.plusSeconds(lifetime)));
    }

    @ParameterizedTest(name = "failure {0} → wait {1} s")
    @CsvSource({"1, 5", "2, 10", "3, 20", "6, 160", "7, 300", "50, 300"})
    void backoff(int failures, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), RefreshPolicy.DEFAULT.backoff(failures));
    }
}
