package dev.lanyard.signer.update;

import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.refresh.CredentialSource;
import dev.lanyard.signer.refresh.RefreshPolicy;
import dev.lanyard.signer.session.Credentials;
import dev.lanyard.signer.session.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * {@code update}'s loop: fetch, rewrite the profile, wait until the refresh time, repeat. The first
 * update fails fast; later failures leave the file as it is (the old credentials stay while valid) and
 * are retried with the policy's backoff.
 */
final class ProfileUpdater {
    private final CredentialSource source;
    private final CredentialsFile file;
    private final String profile;
    private final Clock clock;
    private final RefreshPolicy policy;
    private final Consumer<String> log;

    ProfileUpdater(CredentialSource source, CredentialsFile file, String profile, Clock clock, RefreshPolicy policy,
                   Consumer<String> log) {
        this.source = source;
        this.file = file;
        this.profile = profile;
        this.clock = clock;
        this.policy = policy;
        this.log = log;
    }

    /** One fetch and rewrite; returns when the next refresh is due. Throws on failure. */
    Instant updateOnce() {
        Instant now = clock.instant();
        Credentials c = source.fetch();
        file.update(profile, c);
        Instant next = policy.refreshAt(now, c.expiresAt());
        Instant earliest = now.plus(policy.minInterval());
        next = next.isBefore(earliest) ? earliest : next;
        log.accept("profile [" + profile + "] in " + file.path() + " updated, valid until " + c.expiration()
                + "; next refresh at " + next);
        return next;
    }

    /** The loop after a successful first update; returns when {@code sleeper} is interrupted. */
    void run(Instant firstRefresh, Sleeper sleeper) {
        Instant next = firstRefresh;
        int failures = 0;
        while (true) {
            Duration wait = Duration.between(clock.instant(), next);
            try {
                sleeper.sleep(wait.isNegative() ? Duration.ZERO : wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                next = updateOnce();
                failures = 0;
            } catch (LanyardException e) {
                failures++;
                Duration backoff = policy.backoff(failures);
                next = clock.instant().plus(backoff);
                log.accept("refresh of profile [" + profile + "] failed (" + e.getMessage() + "); the file is unchanged;"
                        + " retrying in " + backoff.toSeconds() + " s");
            }
        }
    }
}
