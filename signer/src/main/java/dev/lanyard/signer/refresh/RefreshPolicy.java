package dev.lanyard.signer.refresh;

import java.time.Duration;
import java.time.Instant;

/**
 * When to refresh, as pure functions of time. Credentials are refreshed ahead of expiry: at most
 * {@code ahead} before it, and never later than two thirds into their lifetime (so 900-second sessions
 * are refreshed too). After a failure the next attempt waits {@code minInterval}, doubling per
 * consecutive failure up to {@code maxBackoff}; attempts are never closer than {@code minInterval}.
 */
public record RefreshPolicy(Duration ahead, Duration minInterval, Duration maxBackoff) {
    /** Refresh 15 minutes ahead (botocore's advisory window), retry after 5 s, back off up to 5 min. */
    public static final RefreshPolicy DEFAULT =
            new RefreshPolicy(Duration.ofMinutes(15), Duration.ofSeconds(5), Duration.ofMinutes(5));

    public RefreshPolicy {
        if (ahead.isNegative() || minInterval.isNegative() || maxBackoff.compareTo(minInterval) < 0) {
            throw new IllegalArgumentException("invalid refresh policy " + ahead + "/" + minInterval + "/" + maxBackoff);
        }
    }

    /** When credentials obtained at {@code obtained} and expiring at {@code expires} should be replaced. */
    public Instant refreshAt(Instant obtained, Instant expires) {
        Duration lifetime = Duration.between(obtained, expires);
        if (lifetime.isNegative() || lifetime.isZero()) {
            return obtained;
        }
        Duration lead = ahead.compareTo(lifetime.dividedBy(3)) < 0 ? ahead : lifetime.dividedBy(3);
        return expires.minus(lead);
    }

    /** The wait after {@code failures} consecutive failed attempts (1 = the first failure). */
    public Duration backoff(int failures) {
        Duration d = minInterval;
        for (int i = 1; i < failures && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
