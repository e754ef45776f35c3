package dev.lanyard.signer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written RFC 3339 parser agrees with java.time on what the AWS CLI accepts, and refuses the rest. */
class Rfc3339Test {
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T05:00:00Z", "2026-11-25T05:00:00.123Z", "2026-11-25T05:00:00.123456789Z",
            "2026-11-25T05:00:00+00:00", "2026-11-25T05:00:00-07:30", "2024-02-29T23:59:59+14:00", "1999-12-31t23:59:59z"})
    void agreesWithJavaTime(String s) {
        assertEquals(OffsetDateTime.parse(s.toUpperCase()).toInstant(), Rfc3339.parse(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T05:00:00", "2026-11-25 05:00:00Z", "2026-13-25T05:00:00Z", "2026-02-30T05:00:00Z",
            "2026-11-25T25:00:00Z", "2026-11-25T05:00:00.Z", "2026-11-25T05:00:00+0100", "x", "", "2026-11-25T05:00:00Zjunk"})
    void refusesTheRest(String s) {
        assertNull(Rfc3339.parse(s));
    }

    @org.junit.jupiter.api.Test
    void epochDayAgreesWithJavaTimeFor400Years() {
        for (java.time.LocalDate d = java.time.LocalDate.of(1900, 1, 1); d.getYear() < 2300; d = d.plusDays(1)) {
            assertEquals(d.toEpochDay(), Rfc3339.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d.toString());
            assertEquals(d.lengthOfMonth(), Rfc3339.daysInMonth(d.getYear(), d.getMonthValue()));
        }
        assertEquals(Instant.parse("2026-11-25T05:00:00Z"), Rfc3339.parse("2026-11-25T05:00:00Z"));
    }
}
