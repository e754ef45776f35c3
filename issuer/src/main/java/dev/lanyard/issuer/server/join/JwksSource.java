package dev.lanyard.issuer.server.join;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the JWKS a join rule names: an inline document, a file (read at each use, so a rotated file
 * is picked up), or a URL ({@link JwksFetch}), cached per URL.
 *
 * <p>URL cache: a fetched set is used until its refresh time ({@code Cache-Control: max-age} clamped
 * to 1 min..1 h, else 5 min), then fetched again. A JWT whose {@code kid} is not in the cached set
 * (the provider rotated its keys) triggers an early fetch. Fetches outside the schedule, and retries
 * after a failed fetch, happen at most once per {@link #MIN_GAP} per URL, so garbage {@code kid}s
 * cannot make the issuer hammer the provider. When a fetch fails the last good set is used for up to
 * {@link #MAX_STALE}; with nothing usable the join is refused ({@code UNAVAILABLE}) with the reason,
 * which the caller audits.
 */
final class JwksSource {
    static final Duration MIN_GAP = Duration.ofSeconds(30);
    static final Duration MAX_STALE = Duration.ofHours(24);

    /** What is known about one URL: the last good set (may be null), when to refresh, the last attempt. */
    private record Entry(Jwks jwks, Instant fetched, Instant refreshAt, Instant attempted, String error) {
    }

    private final Clock clock;
    private final JwksFetch fetch = new JwksFetch();
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    JwksSource(Clock clock) {
        this.clock = clock;
    }

    /** The keys to verify a JWT with; {@code kid} (may be null) is the JWT header's key id. */
    Jwks load(JwtRule rule, String kid) {
        if (rule.jwks() != null) {
            return Jwks.parse(rule.jwks(), "the join rule's inline jwks");
        }
        if (rule.jwksFile() != null) {
            return file(Path.of(rule.jwksFile()));
        }
        return url(rule.jwksUrl(), kid);
    }

    private Jwks url(String url, String kid) {
        Instant now = clock.instant();
        Entry e = cache.get(url);
        boolean due = e == null || e.jwks() == null || !now.isBefore(e.refreshAt())
                || kid != null && !e.jwks().hasKid(kid);
        boolean mayFetch = e == null || !now.isBefore(e.attempted().plus(MIN_GAP));
        if (due && mayFetch) {
            e = attempt(url, e, now);
        }
        if (e.jwks() != null && now.isBefore(e.fetched().plus(MAX_STALE))) {
            return e.jwks();
        }
        throw new LanyardException(Failure.UNAVAILABLE, "the join rule's JWKS is unavailable: " + e.error()
                + (e.attempted().equals(now) ? "" : " (last attempt at " + e.attempted() + "; tried again at most every "
                + MIN_GAP.toSeconds() + "s)"));
    }

    private Entry attempt(String url, Entry old, Instant now) {
        Entry next;
        try {
            JwksFetch.Result r = fetch.get(url);
            next = new Entry(r.jwks(), now, now.plus(r.refresh()), now, null);
        } catch (LanyardException failure) {
            next = old != null && old.jwks() != null
                    ? new Entry(old.jwks(), old.fetched(), old.refreshAt(), now, failure.getMessage())
                    : new Entry(null, now, now, now, failure.getMessage());
        }
        cache.put(url, next);
        return next;
    }

    /**
     * The rule's {@code jwks_file}. An unreadable or malformed file is the issuer operator's to fix, not
     * the bot's input: both refuse the join as {@code UNAVAILABLE} (exit 10 at the bot, which retries).
     */
    private static Jwks file(Path p) {
        try {
            if (Files.size(p) > Jwks.MAX_CHARS) {
                throw new LanyardException(Failure.UNAVAILABLE, "the JWKS file " + p + " is larger than 256 KiB");
            }
            String text = Files.readString(p, StandardCharsets.UTF_8);
            try {
                return Jwks.parse(text, p.toString());
            } catch (Jwks.Malformed e) {
                throw new LanyardException(Failure.UNAVAILABLE, "the join rule's JWKS file " + p + " is malformed ("
                        + e.problem() + "); the issuer's operator must fix it: a JWKS document {\"keys\": [...]} with an"
                        + " RSA or EC (P-256, P-384) signing key");
            }
        } catch (IOException e) {
            throw new LanyardException(Failure.UNAVAILABLE, "cannot read the JWKS file " + p + " ("
                    + JwksFetch.describe(e) + ")");
        }
    }
}
