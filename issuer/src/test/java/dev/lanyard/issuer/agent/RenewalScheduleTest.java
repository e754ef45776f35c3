package dev.lanyard.issuer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenewalScheduleTest {
    static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    static final Instant NOT_BEFORE = NOW.minus(Duration.ofMinutes(1));

    @ParameterizedTest(name = "ttl {0}m, interval {1}m, jitter {2} -> +{3}s")
    @CsvSource(textBlock = """
            # the interval comes first: 1h SVID, 20m interval
            60,   20,  0,    1200
            60,   20,  1,    1200
            # half-life comes first: 30m SVID from now, NotBefore one minute back: 31m life, 15.5m half-life
            30,   20,  0,    870
            30,   20,  1,    963
            30,   20,  -1,   777
            # an 8h SVID with a 20m interval renews at the interval
            480,  20,  -1,   1200
            """)
    void earlierOfIntervalAndJitteredHalfLife(long ttlMinutes, long intervalMinutes, double jitter, long seconds) {
        Instant notAfter = NOW.plus(Duration.ofMinutes(ttlMinutes));
        Instant next = RenewalSchedule.afterSuccess(NOW, NOT_BEFORE, notAfter, Duration.ofMinutes(intervalMinutes),
                jitter);
        assertEquals(NOW.plusSeconds(seconds), next);
    }

    @Test
    void neverInThePast() {
        Instant next = RenewalSchedule.afterSuccess(NOW, NOW.minus(Duration.ofHours(2)), NOW.plus(Duration.ofMinutes(5)),
                Duration.ofMinutes(20), 0);
        assertEquals(NOW, next);
    }

    @Test
    void jitterIsClampedToTenPercent() {
        Instant notAfter = NOT_BEFORE.plus(Duration.ofMinutes(100));
        assertEquals(NOT_BEFORE.plus(Duration.ofMinutes(55)),
                RenewalSchedule.afterSuccess(NOW, NOT_BEFORE, notAfter, Duration.ofHours(2), 7));
    }

    @ParameterizedTest(name = "failure {0} -> {1}s")
    @CsvSource({"1, 1", "2, 2", "3, 4", "5, 16", "9, 256", "10, 300", "40, 300"})
    void exponentialBackoffWithACap(int failures, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), RenewalSchedule.DEFAULT.backoff(failures));
        assertEquals(NOW.plusSeconds(seconds), RenewalSchedule.DEFAULT.afterFailure(NOW, failures, null));
    }

    @Test
    void lastAttemptJustBeforeTheCurrentSvidLapses() {
        Instant notAfter = NOW.plusSeconds(100);
        assertEquals(notAfter.minusSeconds(1), RenewalSchedule.DEFAULT.afterFailure(NOW, 12, notAfter));
    }
}
