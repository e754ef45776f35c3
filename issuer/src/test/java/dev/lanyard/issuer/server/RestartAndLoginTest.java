package dev.lanyard.issuer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.crypto.PemFiles;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.server.ca.Passphrase;
import dev.lanyard.issuer.server.service.Totp;
import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.support.Fixture;
import dev.lanyard.issuer.wire.IdentityResponse;
import dev.lanyard.issuer.wire.LoginRequest;
import dev.lanyard.issuer.wire.SvidRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persistence across restarts, password login with rate limiting, and identity checks. */
class RestartAndLoginTest {
    @TempDir
    Path tmp;

    private static LoginRequest login(String user, String password) {
        KeyPair kp = KeyType.EC_P256.generate(new SecureRandom());
        return new LoginRequest(user, password, null, PemFiles.publicKey(kp.getPublic()), null);
    }

    @Test
    void restartKeepsCasResourcesUsersAndAuditLog() {
        try (Fixture f = new Fixture(tmp.resolve("data"), KeyType.EC_P256)) {
            f.role("svc", "/svc/*");
            f.user("alice", "correct horse battery", "svc");
            String pin = f.issuer.status().caPin();
            String hostPin = f.issuer.status().hostCaPin();
            KeyPair kp = KeyType.EC_P256.generate(new SecureRandom());
            String serial = f.issuer.svids().issue(new Caller(Caller.Type.USER, "alice"), new SvidRequest("/svc/a",
                    PemFiles.publicKey(kp.getPublic()), null, null, null, null)).serial();
            long events = f.issuer.store().audit(null, null, 1000).size();

            f.restart();

            assertEquals(pin, f.issuer.status().caPin());
            assertEquals(hostPin, f.issuer.status().hostCaPin());
            assertTrue(f.issuer.resources().find(Kind.ROLE, "svc").isPresent());
            assertTrue(f.issuer.resources().find(Kind.USER, "alice").isPresent());
            assertNotNull(f.issuer.logins().login(login("alice", "correct horse battery"), "test"));
            List<AuditEvent> audit = f.issuer.store().audit(null, null, 1000);
            assertEquals(events + 1, audit.size());
            assertTrue(audit.stream().anyMatch(e -> serial.equals(e.fields().get("serial_number"))));
        }
    }

    @Test
    void reinitWithAnotherClusterOrWrongPassphraseIsRefused() {
        try (Fixture f = new Fixture(tmp.resolve("data"), KeyType.EC_P256)) {
            f.issuer.close();
            LanyardException other = assertThrows(LanyardException.class, () -> Initializer.init(f.dir,
                    TrustDomain.parse("other.test"), KeyType.EC_P256, Fixture.passphrase(), f.clock,
                    new SecureRandom()));
            assertEquals(Failure.CONFLICT, other.failure());
            LanyardException wrong = assertThrows(LanyardException.class, () -> Issuer.open(new Issuer.Settings(f.dir,
                    "wrong".toCharArray(), f.clock, new SecureRandom(), 1000)));
            assertEquals(Failure.KEY_OR_CERTIFICATE, wrong.failure());
            assertTrue(wrong.getMessage().contains("wrong CA passphrase"), wrong.getMessage());
            Initializer.Result again = Initializer.init(f.dir, TrustDomain.parse("example.test"), KeyType.EC_P256,
                    new Passphrase(Fixture.PASSPHRASE.toCharArray(), null), f.clock, new SecureRandom());
            assertEquals(f.init.caPin(), again.caPin());
            f.issuer = f.open();
        }
    }

    @Test
    void failedLoginsAreAuditedAndRateLimited() {
        try (Fixture f = new Fixture(tmp.resolve("data"), KeyType.EC_P256)) {
            f.role("svc", "/svc/*");
            f.user("alice", "correct horse battery", "svc");
            for (int i = 0; i < 5; i++) {
                LanyardException e = assertThrows(LanyardException.class,
                        () -> f.issuer.logins().login(login("alice", "wrong password!"), "10.0.0.9"));
                assertEquals(Failure.DENIED, e.failure());
                assertEquals("login failed: wrong user name or password", e.getMessage());
            }
            LanyardException limited = assertThrows(LanyardException.class,
                    () -> f.issuer.logins().login(login("alice", "correct horse battery"), "10.0.0.9"));
            assertTrue(limited.getMessage().startsWith("too many failed logins for alice"), limited.getMessage());
            LanyardException unknown = assertThrows(LanyardException.class,
                    () -> f.issuer.logins().login(login("mallory", "whatever it is"), "10.0.0.9"));
            assertEquals("login failed: wrong user name or password", unknown.getMessage());
            long failures = f.issuer.store().audit(null, null, 100).stream()
                    .filter(e -> e.type().equals(AuditEvent.LOGIN_FAILED)).count();
            assertEquals(7, failures);

            f.clock.advance(Duration.ofMinutes(16));
            IdentityResponse id = f.issuer.logins().login(login("alice", "correct horse battery"), "10.0.0.9");
            X509Certificate cert = Certificates.parseOne(id.certificate().getBytes(StandardCharsets.UTF_8), "id");
            assertEquals(Duration.ofHours(12), Duration.between(f.clock.instant(), cert.getNotAfter().toInstant()));
            assertEquals(new Caller(Caller.Type.USER, "alice"), f.issuer.authenticator().authenticate(cert));

            f.clock.advance(Duration.ofHours(13));
            LanyardException expired = assertThrows(LanyardException.class,
                    () -> f.issuer.authenticator().authenticate(cert));
            assertEquals(Failure.UNTRUSTED, expired.failure());
        }
    }

    @Test
    void totpUsersNeedAFreshCodeEachLogin() {
        try (Fixture f = new Fixture(tmp.resolve("data"), KeyType.EC_P256)) {
            f.role("svc", "/svc/*");
            f.user("alice", "correct horse battery", "svc");
            String secret = f.issuer.logins().enrollTotp(Fixture.ADMIN, "alice", "example.test").totpSecret();
            LanyardException missing = assertThrows(LanyardException.class,
                    () -> f.issuer.logins().login(login("alice", "correct horse battery"), "x"));
            assertEquals(Failure.DENIED, missing.failure());
            assertTrue(missing.getMessage().contains("needs a one-time code"), missing.getMessage());
            String code = Totp.code(secret, Totp.step(f.clock.instant()));
            assertNotNull(f.issuer.logins().login(otp("alice", "correct horse battery", code), "x"));
            LanyardException replay = assertThrows(LanyardException.class,
                    () -> f.issuer.logins().login(otp("alice", "correct horse battery", code), "x"));
            assertEquals("login failed: wrong or already used one-time code", replay.getMessage());
            f.clock.advance(Duration.ofSeconds(30));
            String next = Totp.code(secret, Totp.step(f.clock.instant()));
            assertNotNull(f.issuer.logins().login(otp("alice", "correct horse battery", next), "x"));
            assertEquals(Failure.DENIED, assertThrows(LanyardException.class, () -> f.issuer.logins()
                    .enrollTotp(new Caller(Caller.Type.USER, "alice"), "alice", "example.test")).failure());
        }
    }

    private static LoginRequest otp(String user, String password, String code) {
        KeyPair kp = KeyType.EC_P256.generate(new SecureRandom());
        return new LoginRequest(user, password, code, PemFiles.publicKey(kp.getPublic()), null);
    }

    @Test
    void deletedUsersLoseAccessAndShortPasswordsAreRefused() {
        try (Fixture f = new Fixture(tmp.resolve("data"), KeyType.EC_P256)) {
            f.role("svc", "/svc/*");
            f.user("alice", "correct horse battery", "svc");
            IdentityResponse id = f.issuer.logins().login(login("alice", "correct horse battery"), "x");
            X509Certificate cert = Certificates.parseOne(id.certificate().getBytes(StandardCharsets.UTF_8), "id");
            f.issuer.resources().delete(Fixture.ADMIN, Kind.USER, "alice");
            assertEquals(Failure.DENIED, assertThrows(LanyardException.class,
                    () -> f.issuer.authenticator().authenticate(cert)).failure());
            AuditEvent last = f.issuer.store().audit(null, null, 1000).getLast();
            assertEquals(AuditEvent.AUTH_FAILED, last.type());
            assertEquals("user:alice", last.caller());
            assertEquals(Failure.DENIED, assertThrows(LanyardException.class, () -> f.issuer.resources()
                    .list(new Caller(Caller.Type.BOT, "ghost"), Kind.ROLE)).failure());
            LanyardException shortPw = assertThrows(LanyardException.class,
                    () -> f.user("bob", "short", "svc"));
            assertEquals(Failure.INVALID_INPUT, shortPw.failure());
        }
    }
}
