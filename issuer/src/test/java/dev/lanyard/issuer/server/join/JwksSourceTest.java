package dev.lanyard.issuer.server.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.server.Issuer;
import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.support.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JWKS from a URL: a real local HTTP server with locally generated keys, and a hand-moved clock. */
class JwksSourceTest {
    @TempDir
    Path tmp;
    final MutableClock clock = new MutableClock(Instant.now());
    final AtomicInteger hits = new AtomicInteger();
    volatile String body;
    volatile int status = 200;
    volatile String cacheControl;
    HttpServer server;
    String url;
    TestIdp idp;

    @BeforeEach
    void serve() throws Exception {
        idp = new TestIdp();
        body = idp.jwks();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/jwks", ex -> {
            hits.incrementAndGet();
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            if (cacheControl != null) {
                ex.getResponseHeaders().set("Cache-Control", cacheControl);
            }
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchedOnceThenCachedUntilTheRefreshTime() {
        JwksSource source = new JwksSource(clock);
        JwtRule rule = rule(url);
        assertTrue(source.load(rule, "rsa-1").hasKid("rsa-1"));
        source.load(rule, "ec-1");
        clock.advance(Duration.ofMinutes(4));
        source.load(rule, null);
        assertEquals(1, hits.get(), "cached for the default 5 minutes");
        clock.advance(Duration.ofMinutes(2));
        source.load(rule, null);
        assertEquals(2, hits.get(), "fetched again after 5 minutes");

        cacheControl = "public, max-age=120";
        clock.advance(Duration.ofMinutes(6));
        source.load(rule, null);
        assertEquals(3, hits.get());
        clock.advance(Duration.ofSeconds(119));
        source.load(rule, null);
        assertEquals(3, hits.get(), "max-age honoured");
        clock.advance(Duration.ofSeconds(2));
        source.load(rule, null);
        assertEquals(4, hits.get());
        assertEquals(Duration.ofMinutes(1), JwksFetch.refresh("max-age=5"), "clamped to at least a minute");
        assertEquals(Duration.ofHours(1), JwksFetch.refresh("max-age=86400"), "clamped to at most an hour");
    }

    @Test
    void anUnknownKidFetchesAgainAtMostOncePerGap() throws Exception {
        JwksSource source = new JwksSource(clock);
        JwtRule rule = rule(url);
        source.load(rule, "rsa-1");
        TestIdp rotated = new TestIdp();
        body = rotated.jwks().replace("rsa-1", "rsa-2").replace("ec-1", "ec-2");
        String jwt = rotated.sign("RS256", "rsa-2", rotated.claims(clock.instant()), rotated.rsa, "SHA256withRSA");

        assertFalse(source.load(rule, Jws.kid(jwt)).hasKid("rsa-2"), "fetched a moment ago: not again");
        assertEquals(1, hits.get());
        clock.advance(JwksSource.MIN_GAP);
        Jwks fresh = source.load(rule, Jws.kid(jwt));
        assertEquals(2, hits.get(), "the provider rotated its keys: fetched early");
        assertEquals(TestIdp.SUBJECT, JwtCheck.verify(jwt, rule, fresh, clock.instant()).path("sub").asText());

        for (int i = 0; i < 50; i++) {
            source.load(rule, "garbage-" + i);
        }
        assertEquals(2, hits.get(), "unknown kids cannot make the issuer hammer the provider");
        clock.advance(JwksSource.MIN_GAP);
        source.load(rule, "garbage");
        assertEquals(3, hits.get());
    }

    @Test
    void aFailedFetchKeepsTheLastGoodSetForADayThenRefuses() {
        JwksSource source = new JwksSource(clock);
        JwtRule rule = rule(url);
        source.load(rule, null);
        status = 500;
        clock.advance(Duration.ofMinutes(6));
        assertTrue(source.load(rule, null).hasKid("rsa-1"), "the provider is down: the last good set is used");
        assertEquals(2, hits.get());
        clock.advance(Duration.ofSeconds(10));
        source.load(rule, null);
        assertEquals(2, hits.get(), "no retry within the gap");
        clock.advance(JwksSource.MAX_STALE);
        LanyardException e = assertThrows(LanyardException.class, () -> source.load(rule, null));
        assertEquals(Failure.UNAVAILABLE, e.failure());
        assertEquals("the join rule's JWKS is unavailable: " + url + " answered HTTP 500", e.getMessage());
    }

    @Test
    void theJoinIsRefusedAndAuditedWithTheFetchFailure() throws Exception {
        Issuer issuer = TestIssuer.open(tmp.resolve("issuer"), clock);
        try (issuer) {
            TestIssuer.botWithRole(issuer, "ci-bot", "/svc/ci");
            storeRule(issuer, "github-ci", url);
            storeRule(issuer, "offline-ci", "http://127.0.0.1:" + closedPort() + "/jwks");
            BotJoinService service = new BotJoinService(issuer);
            String jwt = idp.rs256(idp.claims(clock.instant()));
            assertEquals("ci-bot", service.join(new BotJoinRequest("jwt", "github-ci", jwt, null,
                    BotJoinServiceTest.pem(BotJoinServiceTest.key()), null)).bot());

            LanyardException e = assertThrows(LanyardException.class, () -> service.join(new BotJoinRequest("jwt",
                    "offline-ci", jwt, null, BotJoinServiceTest.pem(BotJoinServiceTest.key()), null)));
            assertEquals(Failure.UNAVAILABLE, e.failure());
            assertTrue(e.getMessage().startsWith("the join rule's JWKS is unavailable: cannot fetch http://127.0.0.1:"),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("/jwks (connection refused)"), e.getMessage());
            AuditEvent failed = issuer.store().audit(Instant.EPOCH, null, 1000).stream()
                    .filter(a -> a.type().equals(AuditEvent.BOT_JOIN_FAILED)).findFirst().orElseThrow();
            assertEquals(e.getMessage(), failed.toMap().get("reason"), failed.toMap().toString());
            assertEquals("bot:ci-bot", failed.toMap().get("caller"), failed.toMap().toString());
            clock.advance(Duration.ofSeconds(10));
            LanyardException again = assertThrows(LanyardException.class, () -> service.join(new BotJoinRequest("jwt",
                    "offline-ci", jwt, null, BotJoinServiceTest.pem(BotJoinServiceTest.key()), null)));
            assertTrue(again.getMessage().endsWith("(connection refused) (last attempt at " + clock.instant()
                    .minusSeconds(10) + "; tried again at most every 30s)"), again.getMessage());
        }
    }

    private static void storeRule(Issuer issuer, String name, String jwksUrl) throws Exception {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("roles", List.of("bot"));
        spec.put("bot_name", "ci-bot");
        spec.put("join_method", "jwt");
        spec.put("jwt", Map.of("issuer", TestIdp.ISSUER, "audience", TestIdp.AUDIENCE, "jwks_url", jwksUrl,
                "allow", List.of(Map.of("sub", TestIdp.SUBJECT))));
        issuer.store().putResource(Kind.TOKEN, name, new ObjectMapper().writeValueAsString(Map.of("kind", "token",
                "version", "v2", "metadata", Map.of("name", name), "spec", spec)), false);
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static JwtRule rule(String url) {
        return JwtRule.parse(Map.of("issuer", TestIdp.ISSUER, "audience", TestIdp.AUDIENCE, "jwks_url", url,
                "allow", List.of(Map.of("sub", TestIdp.SUBJECT))), "join rule 'test'");
    }
}
