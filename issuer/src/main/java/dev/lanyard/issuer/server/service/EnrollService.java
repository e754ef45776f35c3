package dev.lanyard.issuer.server.service;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.resource.Resource;
import dev.lanyard.issuer.resource.ResourceParser;
import dev.lanyard.issuer.server.Caller;
import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.server.store.Store;
import dev.lanyard.issuer.wire.BotAddRequest;
import dev.lanyard.issuer.wire.TokenAddRequest;
import dev.lanyard.issuer.wire.TokenResponse;
import dev.lanyard.issuer.wire.UserAddRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code users add}, {@code bots add} and {@code tokens add}: a resource plus its one-time token. */
public final class EnrollService {
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(1);
    public static final Duration MAX_TOKEN_TTL = Duration.ofDays(7);

    private final Store store;
    private final ResourceService resources;
    private final Passwords passwords;
    private final Clock clock;
    private final SecureRandom random;

    public EnrollService(Store store, ResourceService resources, Passwords passwords, Clock clock,
                         SecureRandom random) {
        this.store = store;
        this.resources = resources;
        this.passwords = passwords;
        this.clock = clock;
        this.random = random;
    }

    public TokenResponse addUser(Caller caller, UserAddRequest req) {
        Resource user = build(Kind.USER, req.name(), req.roles());
        String hash = req.password() == null ? null : passwords.hash(req.password().toCharArray());
        if (hash == null) {
            resources.require(caller, "token", "create");
        }
        resources.put(caller, user, false);
        if (hash != null) {
            store.setPasswordHash(user.name(), hash);
            return new TokenResponse(user.name(), "user", null, null);
        }
        return token(caller, "user_setup", "user_name", user.name(), DEFAULT_TOKEN_TTL, "user");
    }

    public TokenResponse addBot(Caller caller, BotAddRequest req) {
        Resource bot = build(Kind.BOT, req.name(), req.roles());
        Duration ttl = ttl(req.ttlSeconds());
        resources.require(caller, "token", "create");
        resources.put(caller, bot, false);
        return token(caller, "bot", "bot_name", bot.name(), ttl, "bot");
    }

    public TokenResponse addToken(Caller caller, TokenAddRequest req) {
        if (!"bot".equals(req.type())) {
            throw new LanyardException(Failure.INVALID_INPUT, "unknown token type '" + req.type() + "'; use --type=bot");
        }
        if (req.bot() == null || resources.find(Kind.BOT, req.bot()).isEmpty()) {
            throw new LanyardException(Failure.NOT_FOUND, "bot/" + req.bot() + " not found; create it with "
                    + "lanyard ctl bots add NAME --roles ...");
        }
        return token(caller, "bot", "bot_name", req.bot(), ttl(req.ttlSeconds()), "token");
    }

    private TokenResponse token(Caller caller, String role, String key, String name, Duration ttl, String kind) {
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        String value = HexFormat.of().formatHex(raw);
        Instant expires = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(ttl);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("roles", List.of(role));
        spec.put(key, name);
        Resource token = ResourceParser.parse(Map.of("kind", "token", "version", Kind.TOKEN.version(),
                "metadata", Map.of("name", value, "expires", expires.toString()), "spec", spec), "token");
        resources.put(caller, token, false);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(key, name);
        f.put("expires", expires.toString());
        store.append(AuditEvent.of(clock.instant(), AuditEvent.TOKEN_CREATED, caller.label(), null, f));
        return new TokenResponse(name, kind, value, expires.toString());
    }

    private static Resource build(Kind kind, String name, List<String> roles) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("roles", roles == null ? List.of() : roles);
        return ResourceParser.parse(Map.of("kind", kind.id(), "version", kind.version(),
                "metadata", Map.of("name", name == null ? "" : name), "spec", spec), kind.id() + " " + name);
    }

    private static Duration ttl(Long seconds) {
        if (seconds == null) {
            return DEFAULT_TOKEN_TTL;
        }
        if (seconds <= 0 || seconds > MAX_TOKEN_TTL.toSeconds()) {
            throw new LanyardException(Failure.INVALID_INPUT, "token TTL must be between 1s and 7d");
        }
        return Duration.ofSeconds(seconds);
    }
}
