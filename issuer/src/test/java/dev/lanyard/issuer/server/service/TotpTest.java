package dev.lanyard.issuer.server.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B vectors (SHA-1), cut to six digits, and base32 round trips. */
class TotpTest {
    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest(name = "T={0}")
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
        "2000000000, 279037", "20000000000, 353130"})
    void rfc6238Vectors(long time, String code) {
        assertEquals(code, Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(time))));
    }

    @Test
    void oneStepOfDriftIsAcceptedAndNoMore() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        assertEquals(step, Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), now));
        assertEquals(step - 1, Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now));
        assertEquals(step + 1, Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now));
        assertEquals(-1, Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now));
        assertEquals(-1, Totp.matchingStep(RFC_SECRET, "12345", now));
        assertEquals(-1, Totp.matchingStep(RFC_SECRET, null, now));
    }

    @Test
    void base32RoundTrips() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", RFC_SECRET);
        String secret = Totp.newSecret(new SecureRandom());
        assertEquals(32, secret.length());
        assertArrayEquals(Totp.base32Decode(secret), Totp.base32Decode(Totp.base32(Totp.base32Decode(secret))));
    }
}
