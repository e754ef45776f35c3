package dev.lanyard.issuer.server.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Failed-login rate limit per user name: after {@value #MAX_FAILURES} failures within the window,
 * further attempts are refused until the oldest failure leaves the window.
 */
final class LoginLimiter {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Bounds memory under a spray of invented user names. */
    static final int MAX_TRACKED = 10_000;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    LoginLimiter(Clock clock) {
        this.clock = clock;
    }

    /** When the user may try again, or null when an attempt is allowed now. */
    synchronized Instant blockedUntil(String user) {
        Deque<Instant> d = prune(user);
        return d.size() >= MAX_FAILURES ? d.peekFirst().plus(WINDOW) : null;
    }

    synchronized void failed(String user) {
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(d -> d.isEmpty() || d.peekLast().isBefore(clock.instant().minus(WINDOW)));
        }
        if (failures.size() < MAX_TRACKED || failures.containsKey(user)) {
            prune(user).addLast(clock.instant());
        }
    }

    synchronized void succeeded(String user) {
        failures.remove(user);
    }

    private Deque<Instant> prune(String user) {
        Deque<Instant> d = failures.computeIfAbsent(user, u -> new ArrayDeque<>());
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!d.isEmpty() && d.peekFirst().isBefore(cutoff)) {
            d.removeFirst();
        }
        return d;
    }
}
