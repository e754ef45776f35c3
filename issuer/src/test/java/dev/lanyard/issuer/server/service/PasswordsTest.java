package dev.lanyard.issuer.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** PBKDF2 password hashes in default mode (the FIPS minimum of 14 characters applies only under BC-FIPS). */
class PasswordsTest {
    private final Passwords passwords = new Passwords(1_000, new SecureRandom());

    @Test
    void aHashVerifiesItsPasswordOnly() {
        String stored = passwords.hash("correct horse battery".toCharArray());
        assertTrue(stored.startsWith("pbkdf2-sha256$1000$"), stored);
        assertTrue(passwords.verify("correct horse battery".toCharArray(), stored));
        assertFalse(passwords.verify("correct horse batterx".toCharArray(), stored));
        assertFalse(passwords.verify("short".toCharArray(), stored));
        assertFalse(passwords.verify("correct horse battery".toCharArray(), null));
        assertFalse(passwords.verify("correct horse battery".toCharArray(), "md5$x"));
    }

    @Test
    void theDefaultModeMinimumIsTwelveCharacters() {
        passwords.hash("a".repeat(12).toCharArray());
        LanyardException e = assertThrows(LanyardException.class, () -> passwords.hash("a".repeat(11).toCharArray()));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertEquals("password is too short: use at least 12 characters", e.getMessage());
    }
}
