package dev.lanyard.issuer.server.join;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.crypto.PublicKeys;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.server.Caller;
import dev.lanyard.issuer.server.Issuer;
import dev.lanyard.issuer.server.ca.Serials;
import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.wire.IdentityResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server side of bot joining and renewal.
 *
 * <ul>
 *   <li>{@code token}: the token must exist, be a bot token, be unexpired, name an existing bot (the
 *       one the bot says it is, if it says) and is deleted by this join, so a second use fails.</li>
 *   <li>{@code jwt}: the token names a join rule; the JWT must verify against it ({@link JwtCheck}).
 *       Nothing is consumed: the bot proves itself again at every renewal by joining again.</li>
 *   <li>renew: only for {@code token} bots, over mTLS with the newest or the previous identity
 *       ({@link Generations}).</li>
 * </ul>
 * Every refusal is audited ({@code bot.join.failed}, {@code bot.renew.failed}); every identity is
 * audited with its serial before it is returned.
 */
public final class BotJoinService {
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final Duration MAX_TTL = Duration.ofHours(24);

    private final Issuer issuer;
    private final JoinAudit audit;
    private final Generations generations;
    private final JwksSource jwks;

    public BotJoinService(Issuer issuer) {
        this.issuer = issuer;
        this.audit = new JoinAudit(issuer.store());
        this.generations = new Generations(issuer.store());
        this.jwks = new JwksSource(issuer.clock());
    }

    /**
     * Checks outside the lock (a JWKS fetch may take seconds and must not hold up other joins), then
     * consumes the token and moves the generation under it.
     */
    public BotIdentityResponse join(BotJoinRequest req) {
        Instant now = issuer.clock().instant();
        String method = req.method() == null ? "token" : req.method();
        String tokenId = "token".equals(method) ? JoinAudit.tokenId(req.token()) : null;
        String bot = null;
        try {
            PublicKey key = PublicKeys.parsePem(req.publicKey(), "public_key");
            Duration ttl = ttl(req.ttlSeconds());
            JoinToken token = JoinToken.find(issuer.store(), req.token()).orElseThrow(() -> denied(
                    "token".equals(method) ? "unknown join token (it may have been used already)"
                            : "unknown join rule '" + shorten(req.token()) + "'"));
            bot = token.botName();
            check(token, method, req.botName(), now);
            if ("jwt".equals(method)) {
                JwtRule rule = rule(token);
                JwtCheck.verify(req.jwt(), rule, jwks.load(rule, Jws.kid(req.jwt())), now);
            }
            synchronized (this) {
                if ("token".equals(method) && !issuer.store().deleteResource(Kind.TOKEN, token.name())) {
                    throw denied("join token was used already");
                }
                long generation = generations.get(bot).map(s -> s.generation() + 1).orElse(1L);
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("join_method", method);
                if (tokenId != null) {
                    extra.put("token_id", tokenId);
                }
                extra.put("generation", generation);
                return issue(bot, method, key, ttl, AuditEvent.BOT_JOIN, extra, generation, null);
            }
        } catch (LanyardException e) {
            audit.joinFailed(now, bot, method, tokenId, e.getMessage());
            throw e;
        }
    }

    public synchronized BotIdentityResponse renew(Caller caller, X509Certificate presented, BotRenewRequest req) {
        Instant now = issuer.clock().instant();
        String bot = caller.name();
        try {
            if (caller.type() != Caller.Type.BOT) {
                throw denied(caller.label() + " is not a bot; only bots renew bot identities");
            }
            PublicKey key = PublicKeys.parsePem(req.publicKey(), "public_key");
            Duration ttl = ttl(req.ttlSeconds());
            Generations.State state = generations.get(bot).orElseThrow(() -> denied("bot " + bot
                    + " has no identity generation on record; join again with a new token"));
            if ("jwt".equals(state.method())) {
                throw denied("bot " + bot + " joins with jwt and proves itself again at each renewal by joining");
            }
            String serial = Serials.hex(presented.getSerialNumber());
            if (!state.accepts(serial)) {
                throw denied("identity " + serial + " of bot " + bot + " is older than generation "
                        + (state.generation() - 1) + ": another holder renewed it (a copied identity?); "
                        + "join again with a new token from lanyard ctl tokens add --type=bot --bot " + bot);
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("generation", state.generation() + 1);
            extra.put("previous_serial", serial);
            return issue(bot, "token", key, ttl, JoinAudit.BOT_RENEW, extra, state.generation() + 1, serial);
        } catch (LanyardException e) {
            audit.renewFailed(now, bot, e.getMessage());
            throw e;
        }
    }

    private BotIdentityResponse issue(String bot, String method, PublicKey key, Duration ttl, String event,
                                      Map<String, Object> extra, long generation, String previousSerial) {
        IdentityResponse id = issuer.identities().issue(new Caller(Caller.Type.BOT, bot), key, ttl, event, extra);
        X509Certificate cert = Certificates.parseOne(id.certificate().getBytes(StandardCharsets.US_ASCII), "identity");
        String serial = Serials.hex(cert.getSerialNumber());
        generations.put(bot, new Generations.State(generation, serial, previousSerial, method));
        return new BotIdentityResponse(bot, id.cluster(), method, id.certificate(), id.hostCa(), id.notAfter(), serial,
                generation);
    }

    private void check(JoinToken token, String method, String claimedBot, Instant now) {
        if (!"bot".equals(token.role()) || token.botName() == null) {
            throw denied("this token is not a bot join token");
        }
        if (!token.joinMethod().equals(method)) {
            throw denied("this token is for the " + token.joinMethod() + " join method, not " + method);
        }
        if (token.expiredAt(now)) {
            throw denied("join token expired at " + token.expires() + "; create a new one with lanyard ctl tokens "
                    + "add --type=bot --bot " + token.botName());
        }
        if (claimedBot != null && !claimedBot.equals(token.botName())) {
            throw denied("this token is for another bot, not " + shorten(claimedBot));
        }
        if (issuer.resources().find(Kind.BOT, token.botName()).isEmpty()) {
            throw denied("bot " + token.botName() + " no longer exists");
        }
    }

    /** The stored rule, checked again: a rule that no longer passes the checks is refused, not used. */
    private static JwtRule rule(JoinToken token) {
        try {
            return JwtRule.parse(new ObjectMapper().convertValue(token.jwt(), Map.class), "join rule '"
                    + shorten(token.name()) + "'");
        } catch (LanyardException e) {
            throw denied(e.getMessage() + "; fix it with lanyard ctl create --force -f");
        }
    }

    static Duration ttl(Long seconds) {
        if (seconds == null) {
            return DEFAULT_TTL;
        }
        if (seconds <= 0) {
            throw new LanyardException(Failure.INVALID_INPUT, "bot identity TTL must be positive");
        }
        return seconds > MAX_TTL.toSeconds() ? MAX_TTL : Duration.ofSeconds(seconds);
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }

    private static LanyardException denied(String message) {
        return new LanyardException(Failure.DENIED, message);
    }
}
