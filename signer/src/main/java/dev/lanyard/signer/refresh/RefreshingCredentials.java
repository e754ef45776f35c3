package dev.lanyard.signer.refresh;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.session.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Credentials that refresh themselves ahead of expiry (the corrected {@code serve} semantics), and at
 * the first request after the source's certificate or key changed on disk (a renewed SVID is used at
 * once, as {@code credential-process} does, whose cache entries are keyed by the certificate): the
 * first fetch fails fast; a failed refresh keeps the last good credentials while they are valid;
 * when none are valid {@link #current()} is empty (the endpoints answer 500); attempts are throttled
 * by {@link RefreshPolicy#minInterval()} and back off. One fetch runs at a time. Messages never
 * carry a secret, only expirations and the failure line.
 */
public final class RefreshingCredentials implements AutoCloseable {
    private record Held(Credentials credentials, Instant obtained, Instant expires, Instant refreshAt) {
    }

    private final CredentialSource source;
    private final Clock clock;
    private final RefreshPolicy policy;
    private final Consumer<String> log;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Held held;
    private volatile Instant nextAttempt;
    private Instant lastAttempt;
    private int failures;
    private ScheduledExecutorService scheduler;

    public RefreshingCredentials(CredentialSource source, Clock clock, RefreshPolicy policy, Consumer<String> log) {
        this.source = source;
        this.clock = clock;
        this.policy = policy;
        this.log = log;
    }

    /** The first fetch, synchronously: its failure is the caller's (fail fast at start). */
    public Credentials start() {
        fetching.lock();
        try {
            Instant now = clock.instant();
            lastAttempt = now;
            Credentials c = source.fetch();
            accept(c, now);
            if (!now.isBefore(c.expiresAt())) {
                throw new LanyardException(Failure.REMOTE_REFUSED, "CreateSession returned credentials that expired at "
                        + c.expiration() + "; check the clock");
            }
            return c;
        } finally {
            fetching.unlock();
        }
    }

    /**
     * Valid credentials now. If none are held, one refresh is tried when the minimum interval since the
     * last attempt has passed and no other refresh is running; otherwise empty.
     */
    public Optional<Credentials> current() {
        Held h = held;
        Instant now = clock.instant();
        if (h != null && now.isBefore(h.expires())) {
            if (source.changed() && fetching.tryLock()) {
                try {
                    if (source.changed()) {
                        log.accept("the certificate or key changed on disk; replacing the credentials obtained with the"
                                + " previous one");
                        attempt(now);
                    }
                } finally {
                    fetching.unlock();
                }
                h = held;
            }
            return Optional.of(h.credentials());
        }
        if (fetching.tryLock()) {
            try {
                if (lastAttempt == null || !now.isBefore(lastAttempt.plus(policy.minInterval()))) {
                    attempt(now);
                }
            } finally {
                fetching.unlock();
            }
        }
        h = held;
        return h != null && clock.instant().isBefore(h.expires()) ? Optional.of(h.credentials()) : Optional.empty();
    }

    /** Runs a refresh if one is due now; returns whether it attempted one. The background step. */
    public boolean refreshIfDue() {
        fetching.lock();
        try {
            Instant now = clock.instant();
            if (nextAttempt == null || now.isBefore(nextAttempt)) {
                return false;
            }
            attempt(now);
            return true;
        } finally {
            fetching.unlock();
        }
    }

    /** When the credentials now held were obtained (null before the first success). */
    public Instant lastUpdated() {
        Held h = held;
        return h == null ? null : h.obtained();
    }

    /** When the next background attempt is due (null before {@link #start()}). */
    public Instant nextAttemptAt() {
        return nextAttempt;
    }

    /** Refreshes on a daemon thread at {@link #nextAttemptAt()}, until {@link #close()}. */
    public synchronized void startBackground() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lanyard-credential-refresh");
                t.setDaemon(true);
                return t;
            });
            schedule();
        }
    }

    private void schedule() {
        Instant next = nextAttempt;
        long delay = next == null ? 0 : Math.max(0, Duration.between(clock.instant(), next).toMillis());
        try {
            scheduler.schedule(() -> {
                try {
                    refreshIfDue();
                } catch (RuntimeException e) {
                    log.accept("credential refresh failed unexpectedly: " + e);
                }
                schedule();
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed while scheduling: nothing more to do
        }
    }

    private void attempt(Instant now) {
        lastAttempt = now;
        try {
            accept(source.fetch(), now);
        } catch (RuntimeException e) {
            failures++;
            Duration wait = policy.backoff(failures);
            nextAttempt = now.plus(wait);
            Held h = held;
            String message = e instanceof LanyardException ? e.getMessage() : e.toString();
            if (h != null && now.isBefore(h.expires())) {
                log.accept("credential refresh failed (" + message + "); still serving the last credentials, valid until "
                        + h.credentials().expiration() + "; next attempt in " + wait.toSeconds() + " s");
            } else {
                log.accept("credential refresh failed (" + message + "); no valid credentials to serve; next attempt in "
                        + wait.toSeconds() + " s");
            }
        }
    }

    private void accept(Credentials c, Instant now) {
        Instant expires = c.expiresAt();
        Instant refreshAt = policy.refreshAt(now, expires);
        Instant earliest = now.plus(policy.minInterval());
        held = new Held(c, now, expires, refreshAt);
        nextAttempt = refreshAt.isBefore(earliest) ? earliest : refreshAt;
        failures = 0;
        log.accept("credentials obtained, valid until " + c.expiration() + "; next refresh at " + nextAttempt);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
