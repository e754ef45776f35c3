package dev.lanyard.signer.serve;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The IMDSv2 session tokens: at most {@link #CAPACITY}; when full, expired tokens are purged and then
 * the earliest-expiring one is evicted. A token is the first 100 characters of base64 over 128 random
 * bytes, as the reference helper makes them. Token values are never logged.
 */
final class TokenStore {
    static final int CAPACITY = 256;
    static final int MAX_TTL_SECONDS = 21600;

    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Instant> tokens = new HashMap<>();

    TokenStore(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** A new token valid for {@code ttlSeconds} (1..21600, checked by the caller). */
    synchronized String issue(int ttlSeconds) {
        Instant now = clock.instant();
        if (tokens.size() >= CAPACITY) {
            tokens.values().removeIf(expiry -> !now.isBefore(expiry));
        }
        while (tokens.size() >= CAPACITY) {
            evictEarliest();
        }
        byte[] bytes = new byte[128];
        random.nextBytes(bytes);
        String token = Base64.getEncoder().encodeToString(bytes).substring(0, 100);
        tokens.put(token, now.plusSeconds(ttlSeconds));
        return token;
    }

    /** The seconds the token remains valid (≥ 1), or -1 if it is unknown or expired (then forgotten). */
    synchronized long remainingSeconds(String token) {
        Instant expiry = tokens.get(token);
        if (expiry == null) {
            return -1;
        }
        Instant now = clock.instant();
        if (!now.isBefore(expiry)) {
            tokens.remove(token);
            return -1;
        }
        long seconds = Duration.between(now, expiry).toSeconds();
        return Math.max(1, seconds);
    }

    synchronized int size() {
        return tokens.size();
    }

    private void evictEarliest() {
        String earliest = null;
        Instant min = null;
        for (Iterator<Map.Entry<String, Instant>> it = tokens.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> e = it.next();
            if (min == null || e.getValue().isBefore(min)) {
                min = e.getValue();
                earliest = e.getKey();
            }
        }
        tokens.remove(earliest);
    }
}
