package dev.lanyard.signer.refresh;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.session.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A credential source for tests: credentials numbered 1, 2, … expiring {@code lifetime} after the
 * clock's now, or a failure while {@link #failing} is set.
 */
public final class FakeSource implements CredentialSource {
    private final Clock clock;
    private final Duration lifetime;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();
    public volatile boolean failing;

    public FakeSource(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @Override
    public Credentials fetch() {
        calls.incrementAndGet();
        if (failing) {
            throw new LanyardException(Failure.UNAVAILABLE, "cannot reach http://127.0.0.1:1 (connection refused)");
        }
        int n = issued.incrementAndGet();
        return credentials(n, DateTimeFormatter.ISO_INSTANT.format(clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS)));
    }

    public static Credentials credentials(int n, String expiration) {
        return new Credentials(String.format("ASIAFAKE%012d", n), "secret/" + n + "+key", "token-" + n, expiration);
    }

    public int calls() {
        return calls.get();
    }
}
