package dev.lanyard.signer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.refresh.TestClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenStoreTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final TokenStore store = new TokenStore(clock, new SecureRandom());

    @Test
    void boundedAndEvictsTheEarliestExpiring() {
        String shortest = store.issue(1);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < TokenStore.CAPACITY - 1; i++) {
            others.add(store.issue(100 + i));
        }
        assertEquals(TokenStore.CAPACITY, store.size());
        String newest = store.issue(50);
        assertEquals(TokenStore.CAPACITY, store.size());
        assertEquals(-1, store.remainingSeconds(shortest), "the earliest-expiring token was evicted");
        assertEquals(50, store.remainingSeconds(newest));
        assertEquals(100, store.remainingSeconds(others.get(0)));
    }

    @Test
    void expiredTokensArePurgedBeforeEvicting() {
        for (int i = 0; i < TokenStore.CAPACITY; i++) {
            store.issue(10);
        }
        String keeper = store.issue(1000);
        clock.advance(Duration.ofSeconds(10));
        store.issue(20);
        assertEquals(2, store.size());
        assertTrue(store.remainingSeconds(keeper) > 0);
    }

    @Test
    void tokensAreUnique() {
        assertTrue(!store.issue(5).equals(store.issue(5)));
    }
}
