package dev.lanyard.issuer.server.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.Pem;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.server.Caller;
import dev.lanyard.issuer.server.Issuer;
import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.support.MutableClock;
import dev.lanyard.issuer.wire.SvidRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining and renewing against a real issuer's services (CAs, store, audit), on a hand-moved clock. */
class BotJoinServiceTest {
    @TempDir
    Path tmp;
    MutableClock clock = new MutableClock(Instant.now());
    Issuer issuer;
    BotJoinService service;

    @BeforeEach
    void open() {
        issuer = TestIssuer.open(tmp.resolve("issuer"), clock);
        service = new BotJoinService(issuer);
    }

    @AfterEach
    void close() {
        issuer.close();
    }

    @Test
    void goodTokenJoinGivesABotIdentityThatRbacApplies() throws Exception {
        String token = TestIssuer.botWithRole(issuer, "my-bot", "/svc/example-service");
        KeyPair kp = key();
        BotIdentityResponse id = service.join(tokenJoin(token, kp, null));
        assertEquals("my-bot", id.bot());
        assertEquals(1, id.generation());
        X509Certificate cert = cert(id.certificate());
        assertEquals(kp.getPublic(), cert.getPublicKey());
        Caller caller = issuer.authenticator().authenticate(cert);
        assertEquals("bot:my-bot", caller.label());
        var svid = issuer.svids().issue(caller, new SvidRequest("/svc/example-service", pem(kp), null, null, null, null));
        assertEquals("spiffe://example.teleport.sh/svc/example-service", svid.spiffeId());
        LanyardException denied = assertThrows(LanyardException.class, () -> issuer.svids().issue(caller,
                new SvidRequest("/svc/other", pem(kp), null, null, null, null)));
        assertEquals(Failure.DENIED, denied.failure());
        assertTrue(events(AuditEvent.BOT_JOIN).contains("bot:my-bot"));
    }

    @Test
    void reusedTokenIsRefusedAndAudited() throws Exception {
        String token = TestIssuer.botWithRole(issuer, "my-bot", "/svc/a");
        service.join(tokenJoin(token, key(), null));
        refused(() -> service.join(tokenJoin(token, key(), null)), "unknown join token");
        assertTrue(events(AuditEvent.BOT_JOIN_FAILED).contains("unknown join token"));
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        String token = TestIssuer.botWithRole(issuer, "my-bot", "/svc/a");
        clock.advance(Duration.ofHours(2));
        refused(() -> service.join(tokenJoin(token, key(), null)), "join token expired");
        assertTrue(events(AuditEvent.BOT_JOIN_FAILED).contains("expired"));
    }

    @Test
    void tokenForAnotherBotIsRefused() throws Exception {
        String token = TestIssuer.botWithRole(issuer, "bot-a", "/svc/a");
        TestIssuer.botWithRole(issuer, "bot-b", "/svc/b");
        refused(() -> service.join(tokenJoin(token, key(), "bot-b")), "for another bot");
        issuer.resources().delete(TestIssuer.ADMIN, Kind.BOT, "bot-a");
        refused(() -> service.join(tokenJoin(token, key(), null)), "bot-a no longer exists");
        assertTrue(events(AuditEvent.BOT_JOIN_FAILED).contains("for another bot"));
    }

    @Test
    void renewalToleratesOneLostResponseButNotACopiedIdentity() throws Exception {
        String token = TestIssuer.botWithRole(issuer, "my-bot", "/svc/a");
        X509Certificate g1 = cert(service.join(tokenJoin(token, key(), null)).certificate());
        Caller bot = new Caller(Caller.Type.BOT, "my-bot");
        BotIdentityResponse r2 = service.renew(bot, g1, new BotRenewRequest(pem(key()), 3600L));
        assertEquals(2, r2.generation());
        // the answer with generation 2 is "lost": the bot renews again with generation 1
        BotIdentityResponse r3 = service.renew(bot, g1, new BotRenewRequest(pem(key()), 3600L));
        assertEquals(3, r3.generation());
        // whoever holds generation 2 now is one step too far behind
        refused(() -> service.renew(bot, cert(r2.certificate()), new BotRenewRequest(pem(key()), 3600L)),
                "another holder renewed it");
        assertTrue(events(JoinAudit.BOT_RENEW_FAILED).contains("another holder"));
        BotIdentityResponse r4 = service.renew(bot, cert(r3.certificate()), new BotRenewRequest(pem(key()), 3600L));
        assertEquals(4, r4.generation());
        assertTrue(events(JoinAudit.BOT_RENEW).contains("bot:my-bot"));
    }

    @Test
    void jwtJoinWithAStoredRule() throws Exception {
        TestIssuer.botWithRole(issuer, "ci-bot", "/svc/ci");
        TestIdp idp = new TestIdp();
        Path jwks = Files.writeString(tmp.resolve("jwks.json"), idp.jwks());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("roles", List.of("bot"));
        spec.put("bot_name", "ci-bot");
        spec.put("join_method", "jwt");
        spec.put("jwt", idp.ruleMap(jwks.toString()));
        issuer.store().putResource(Kind.TOKEN, "github-ci", new ObjectMapper().writeValueAsString(Map.of("kind",
                "token", "version", "v2", "metadata", Map.of("name", "github-ci"), "spec", spec)), false);
        String jwt = idp.es256(idp.claims(clock.instant()));
        BotIdentityResponse id = service.join(new BotJoinRequest("jwt", "github-ci", jwt, null, pem(key()), null));
        assertEquals("ci-bot", id.bot());
        BotIdentityResponse again = service.join(new BotJoinRequest("jwt", "github-ci", jwt, null, pem(key()), null));
        assertEquals(2, again.generation());
        refused(() -> service.join(new BotJoinRequest("jwt", "github-ci",
                idp.rs256(idp.claims(clock.instant()).put("aud", "other")), null, pem(key()), null)), "audience");
        refused(() -> service.renew(new Caller(Caller.Type.BOT, "ci-bot"), cert(id.certificate()),
                new BotRenewRequest(pem(key()), null)), "proves itself again");
        refused(() -> service.join(new BotJoinRequest("token", "github-ci", null, null, pem(key()), null)),
                "for the jwt join method");
    }

    private void refused(org.junit.jupiter.api.function.Executable call, String reason) {
        LanyardException e = assertThrows(LanyardException.class, call);
        assertEquals(Failure.DENIED, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private String events(String type) {
        return issuer.store().audit(Instant.EPOCH, null, 1000).stream().filter(e -> e.type().equals(type))
                .map(e -> e.toMap().toString()).toList().toString();
    }

    static BotJoinRequest tokenJoin(String token, KeyPair kp, String bot) {
        return new BotJoinRequest("token", token, null, bot, pem(kp), 3600L);
    }

    static KeyPair key() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    static String pem(KeyPair kp) {
        return Pem.encode("PUBLIC KEY", kp.getPublic().getEncoded());
    }

    static X509Certificate cert(String pem) {
        return Certificates.parseOne(pem.getBytes(StandardCharsets.US_ASCII), "test");
    }
}
