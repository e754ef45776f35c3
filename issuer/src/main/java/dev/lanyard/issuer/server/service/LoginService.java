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
import dev.lanyard.issuer.wire.TotpResponse;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Password login for humans (plus a TOTP code for users who enrolled one): rate-limited per user
 * name, every outcome audited, and on success a short-lived user identity (default 12 h, at most
 * 30 h) for the locally generated key. A TOTP code is accepted once (no replay within its window).
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
    private final java.security.SecureRandom random;
    private final Map<String, Long> lastOtpStep = new java.util.HashMap<>();

    public LoginService(Store store, ResourceService resources, Passwords passwords, IdentityIssuer identities,
                        Clock clock, java.security.SecureRandom random) {
        this.store = store;
        this.resources = resources;
        this.passwords = passwords;
        this.identities = identities;
        this.limiter = new LoginLimiter(clock);
        this.clock = clock;
        this.random = random;
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
        Optional<String> totp = store.totpSecret(user);
        if (totp.isPresent()) {
            checkOtp(user, totp.get(), req.otp(), remote);
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

    private synchronized void checkOtp(String user, String secret, String otp, String remote) {
        if (otp == null || otp.isEmpty()) {
            failed(user, remote, "one-time code missing");
            throw new LanyardException(Failure.DENIED, "user " + user + " needs a one-time code: give --otp CODE "
                    + "(or LANYARD_OTP) from the authenticator app");
        }
        long step = Totp.matchingStep(secret, otp, clock.instant());
        Long last = lastOtpStep.get(user);
        if (step < 0 || last != null && step <= last) {
            limiter.failed(user);
            failed(user, remote, step < 0 ? "wrong one-time code" : "one-time code reused");
            throw new LanyardException(Failure.DENIED, "login failed: wrong or already used one-time code");
        }
        lastOtpStep.put(user, step);
    }

    /** Enrolls (or replaces) the user's TOTP secret; the secret is returned once and then only stored. */
    public TotpResponse enrollTotp(Caller caller, String user, String cluster) {
        resources.require(caller, "user", "update");
        if (resources.find(Kind.USER, user).isEmpty()) {
            throw new LanyardException(Failure.NOT_FOUND, "user/" + user + " not found");
        }
        String secret = Totp.newSecret(random);
        store.setTotpSecret(user, secret);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("user", user);
        store.append(AuditEvent.of(clock.instant(), AuditEvent.TOTP_ENROLLED, caller.label(), null, f));
        return new TotpResponse(user, secret, Totp.uri(cluster, user, secret));
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
