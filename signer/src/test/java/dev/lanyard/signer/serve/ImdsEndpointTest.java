package dev.lanyard.signer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.refresh.FakeSource;
import dev.lanyard.signer.refresh.RefreshPolicy;
import dev.lanyard.signer.refresh.RefreshingCredentials;
import dev.lanyard.signer.refresh.TestClock;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The IMDSv2 routes over real HTTP on loopback, with a fake credential source and a hand-moved clock. */
class ImdsEndpointTest {
    private static final String TTL = "X-aws-ec2-metadata-token-ttl-seconds";
    private static final String TOKEN = "X-aws-ec2-metadata-token";
    private static final String CREDS = "latest/meta-data/iam/security-credentials";

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeSource source = new FakeSource(clock, Duration.ofHours(1));
    private final RefreshingCredentials credentials = new RefreshingCredentials(source, clock, RefreshPolicy.DEFAULT, s -> { });
    private final Http http = new Http();
    private CredentialServer server;
    private String base;

    @BeforeEach
    void start() {
        credentials.start();
        server = CredentialServer.imds(credentials, "example-service", InetAddress.getLoopbackAddress(), 0, 64, clock,
                new SecureRandom());
        base = server.url();
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    private String token(String ttl) throws Exception {
        HttpResponse<String> r = http.send("PUT", base + "latest/api/token", TTL, ttl);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(ttl, r.headers().firstValue(TTL).orElseThrow());
        assertEquals(100, r.body().length());
        return r.body();
    }

    @Test
    void urlIsTheLoopbackEndpointWithASlash() {
        assertTrue(base.matches("http://127\\.0\\.0\\.1:\\d+/"), base);
    }

    @ParameterizedTest(name = "role name at {0}")
    @ValueSource(strings = {CREDS, CREDS + "/"})
    void roleNameWithAndWithoutTrailingSlash(String path) throws Exception {
        HttpResponse<String> r = http.send("GET", base + path, TOKEN, token("60"));
        assertEquals(200, r.statusCode());
        assertEquals("example-service", r.body());
        assertEquals("60", r.headers().firstValue(TTL).orElseThrow());
    }

    @ParameterizedTest(name = "credentials at {0}")
    @ValueSource(strings = {CREDS + "/example-service", CREDS + "/example-service/"})
    void credentialsWithAndWithoutTrailingSlash(String path) throws Exception {
        HttpResponse<String> r = http.send("GET", base + path, TOKEN, token("21600"));
        assertEquals(200, r.statusCode());
        assertEquals("{\"AccessKeyId\":\"ASIAFAKE000000000001\",\"SecretAccessKey\":\"secret/1+key\",\"Token\":\"token-1\","
                + "\"Code\":\"Success\",\"Type\":\"AWS-HMAC\",\"Expiration\":\"2026-01-01T01:00:00Z\","
                + "\"LastUpdated\":\"2026-01-01T00:00:00Z\"}\n", r.body());
    }

    @Test
    void tokenTtlDefaultsTo21600() throws Exception {
        HttpResponse<String> r = http.send("PUT", base + "latest/api/token");
        assertEquals(200, r.statusCode());
        clock.advance(Duration.ofSeconds(21599));
        assertEquals(200, http.send("GET", base + CREDS, TOKEN, r.body()).statusCode());
    }

    @ParameterizedTest(name = "TTL \"{0}\" is refused")
    @ValueSource(strings = {"0", "21601", "-1", "abc", "1.5", ""})
    void badTtlIsRefused(String ttl) throws Exception {
        HttpResponse<String> r = http.send("PUT", base + "latest/api/token", TTL, ttl);
        assertEquals(400, r.statusCode());
        assertEquals("invalid token TTL", r.body());
    }

    @Test
    void xForwardedForIsRefused() throws Exception {
        HttpResponse<String> r = http.send("PUT", base + "latest/api/token", TTL, "60", "X-Forwarded-For", "10.0.0.1");
        assertEquals(400, r.statusCode());
        assertEquals("unable to process requests with X-Forwarded-For header", r.body());
    }

    @Test
    void tokenRouteOnlyTakesPut() throws Exception {
        assertEquals(405, http.send("GET", base + "latest/api/token").statusCode());
        assertEquals(405, http.send("POST", base + "latest/api/token/").statusCode());
    }

    @Test
    void missingTokenIsRefused() throws Exception {
        HttpResponse<String> r = http.send("GET", base + CREDS + "/example-service");
        assertEquals(401, r.statusCode());
        assertEquals("no token provided", r.body());
    }

    @Test
    void unknownTokenIsRefused() throws Exception {
        HttpResponse<String> r = http.send("GET", base + CREDS, TOKEN, "A".repeat(100));
        assertEquals(401, r.statusCode());
        assertEquals("invalid token provided", r.body());
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        String t = token("10");
        clock.advance(Duration.ofSeconds(9));
        HttpResponse<String> ok = http.send("GET", base + CREDS, TOKEN, t);
        assertEquals("1", ok.headers().firstValue(TTL).orElseThrow(), "remaining TTL is reported");
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> r = http.send("GET", base + CREDS + "/example-service", TOKEN, t);
        assertEquals(401, r.statusCode());
        assertEquals("invalid token provided", r.body());
    }

    @Test
    void otherRoleNamesAndPathsAreNotFound() throws Exception {
        String t = token("60");
        assertEquals(404, http.send("GET", base + CREDS + "/other-role", TOKEN, t).statusCode());
        assertEquals(404, http.send("GET", base + "latest/meta-data/instance-id", TOKEN, t).statusCode());
    }

    @Test
    void http500WhenNoValidCredentialsRemain() throws Exception {
        String t = token("21600");
        source.failing = true;
        clock.advance(Duration.ofMinutes(61));
        HttpResponse<String> r = http.send("GET", base + CREDS + "/example-service", TOKEN, t);
        assertEquals(500, r.statusCode());
        assertTrue(r.body().startsWith("no valid credentials"), r.body());
        source.failing = false;
        clock.advance(Duration.ofSeconds(5));
        HttpResponse<String> again = http.send("GET", base + CREDS + "/example-service", TOKEN, t);
        assertEquals(200, again.statusCode(), "recovers once the source does");
        assertTrue(again.body().contains("ASIAFAKE000000000002"), again.body());
    }
}
