package dev.lanyard.issuer.agent;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * When to renew, as pure functions of their inputs (habit 9): no clock, no randomness inside.
 *
 * <p>After a success the next renewal is the earlier of {@code now + renewal_interval} and the
 * certificate's half-life point with jitter, {@code notBefore + lifetime/2 × (1 + 0.1 × jitter)} for
 * a jitter in [-1, 1] drawn by the caller (SPIRE's half-life ±10 %), and never before {@code now}.
 * After the n-th failure in a row the next attempt is {@code now + min(cap, base × 2^(n-1))}, never
 * later than the certificate's expiry while it is still valid (one last chance before it lapses).
 */
record RenewalSchedule(Duration backoffBase, Duration backoffCap) {
    static final RenewalSchedule DEFAULT = new RenewalSchedule(Duration.ofSeconds(1), Duration.ofMinutes(5));
    static final double JITTER = 0.10;

    RenewalSchedule {
        if (backoffBase.isNegative() || backoffBase.isZero() || backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoff base must be positive and at most the cap");
        }
    }

    /** The next renewal of {@code certificate}, obtained at {@code now}; {@code jitter} is in [-1, 1]. */
    static Instant afterSuccess(Instant now, X509Certificate certificate, Duration renewalInterval, double jitter) {
        return afterSuccess(now, certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                renewalInterval, jitter);
    }

    /** The next renewal after a success at {@code now}; {@code jitter} is in [-1, 1]. */
    static Instant afterSuccess(Instant now, Instant notBefore, Instant notAfter, Duration renewalInterval,
                                double jitter) {
        double j = Math.max(-1, Math.min(1, jitter));
        long lifetimeMillis = Duration.between(notBefore, notAfter).toMillis();
        long halfLife = Math.round(lifetimeMillis / 2.0 * (1 + JITTER * j));
        Instant byHalfLife = notBefore.plusMillis(halfLife);
        Instant byInterval = now.plus(renewalInterval);
        Instant next = byHalfLife.isBefore(byInterval) ? byHalfLife : byInterval;
        return next.isBefore(now) ? now : next;
    }

    /** The next attempt after {@code failures} (at least 1) failures in a row, the last at {@code now}. */
    Instant afterFailure(Instant now, int failures, Instant currentNotAfter) {
        Duration delay = backoff(failures);
        Instant next = now.plus(delay);
        if (currentNotAfter != null && now.isBefore(currentNotAfter) && next.isAfter(currentNotAfter)) {
            return currentNotAfter.minusMillis(Math.min(1000, Duration.between(now, currentNotAfter).toMillis() / 2));
        }
        return next;
    }

    Duration backoff(int failures) {
        int n = Math.max(1, failures);
        if (n > 30) {
            return backoffCap;
        }
        Duration d = backoffBase.multipliedBy(1L << (n - 1));
        return d.compareTo(backoffCap) > 0 ? backoffCap : d;
    }
}
