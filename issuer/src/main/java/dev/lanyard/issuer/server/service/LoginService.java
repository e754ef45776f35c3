package dev.lanyard.issuer.server.service;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.crypto.PublicKeys;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.resource.Resource;
import dev.lanyard.issuer.server.Caller;
import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.server.store.Store;
import dev.lanyard.issuer.wire.Durations;
import dev.lanyard.issuer.wire.IdentityResponse;
import dev.lanyard.issuer.wire.LoginRequest;
import dev.lanyard.issuer.wire.PasswordRequest;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Password login for humans: rate-limited per user name, every outcome audited, and on success a
 * short-lived user identity (default 12 h, at most 30 h) for the locally generated key.
 */
public final class LoginService {
    public static final Duration DEFAULT_TTL = Duration.ofHours(12);
    public static final Duration MAX_TTL = Duration.ofHours(30);

    private final Store store;
    private final ResourceService resources;
    private final Passwords passwords;
    private final IdentityIssuer identities;
    private final LoginLimiter limiter;
    private final Clock clock;

    public LoginService(Store store, ResourceService resources, Passwords passwords, IdentityIssuer identities,
                        Clock clock) {
        this.store = store;
        this.resources = resources;
        this.passwords = passwords;
        this.identities = identities;
        this.limiter = new LoginLimiter(clock);
        this.clock = clock;
    }

    public IdentityResponse login(LoginRequest req, String remote) {
        String user = req.user() == null ? "" : req.user();
        if (user.isEmpty() || user.length() > 128 || req.password() == null || req.password().isEmpty()) {
            throw new LanyardException(Failure.INVALID_INPUT, "login needs a user name and a password");
        }
        Instant blocked = limiter.blockedUntil(user);
        if (blocked != null) {
            failed(user, remote, "rate limited");
            throw new LanyardException(Failure.DENIED, "too many failed logins for " + user + "; try again after "
                    + blocked);
        }
        Optional<Resource> found = resources.find(Kind.USER, user);
        String hash = found.isPresent() ? store.passwordHash(user).orElse(null) : null;
        if (!passwords.verify(req.password().toCharArray(), hash)) {
            limiter.failed(user);
            failed(user, remote, found.isPresent() ? "wrong password" : "unknown user");
            throw new LanyardException(Failure.DENIED, "login failed: wrong user name or password");
        }
        limiter.succeeded(user);
        PublicKey key = PublicKeys.parsePem(req.publicKey(), "public_key");
        Duration ttl = req.ttlSeconds() == null ? DEFAULT_TTL : Duration.ofSeconds(Math.max(60, req.ttlSeconds()));
        if (ttl.compareTo(MAX_TTL) > 0) {
            ttl = MAX_TTL;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("remote_addr", remote);
        return identities.issue(new Caller(Caller.Type.USER, user), key, ttl, AuditEvent.LOGIN, f);
    }

    /** Sets a password: by a caller allowed to update users, or with the user's one-time setup token. */
    public void setPassword(Caller caller, String user, PasswordRequest req) {
        if (resources.find(Kind.USER, user).isEmpty()) {
            throw new LanyardException(Failure.NOT_FOUND, "user/" + user + " not found");
        }
        if (req.password() == null) {
            throw new LanyardException(Failure.INVALID_INPUT, "password is missing");
        }
        String hash = passwords.hash(req.password().toCharArray());
        String by;
        if (caller != null) {
            resources.require(caller, "user", "update");
            by = caller.label();
        } else {
            consumeSetupToken(user, req.token());
            by = "user:" + user;
        }
        store.setPasswordHash(user, hash);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("user", user);
        store.append(AuditEvent.of(clock.instant(), AuditEvent.PASSWORD_SET, by, null, f));
    }

    private void consumeSetupToken(String user, String token) {
        Optional<Resource> t = token == null ? Optional.empty() : resources.find(Kind.TOKEN, token);
        boolean valid = t.isPresent() && t.get().roles().contains("user_setup")
                && user.equals(t.get().spec().get("user_name"))
                && t.get().expires().map(e -> e.isAfter(clock.instant())).orElse(false);
        if (!valid || !store.deleteResource(Kind.TOKEN, token)) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("user", user);
            f.put("reason", "invalid or expired setup token");
            store.append(AuditEvent.of(clock.instant(), AuditEvent.LOGIN_FAILED, "user:" + user, null, f));
            throw new LanyardException(Failure.DENIED, "the setup token is invalid, used or expired; ask an admin "
                    + "to set a password with lanyard ctl users update " + user + " --password-file F");
        }
    }

    private void failed(String user, String remote, String reason) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("remote_addr", remote);
        f.put("reason", reason);
        store.append(AuditEvent.of(clock.instant(), AuditEvent.LOGIN_FAILED, "user:" + user, null, f));
    }

    static String ttlText(Duration d) {
        return Durations.format(d);
    }
}
