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

/** The ECS-style container endpoint over real HTTP on loopback. */
class ContainerEndpointTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeSource source = new FakeSource(clock, Duration.ofHours(1));
    private final RefreshingCredentials credentials = new RefreshingCredentials(source, clock, RefreshPolicy.DEFAULT, s -> { });
    private final Http http = new Http();
    private final String token = CredentialServer.newToken(new SecureRandom());
    private CredentialServer server;

    @BeforeEach
    void start() {
        credentials.start();
        server = CredentialServer.container(credentials, token, InetAddress.getLoopbackAddress(), 0, 64);
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void servesTheJsonTheSdksExpect() throws Exception {
        assertTrue(server.url().matches("http://127\\.0\\.0\\.1:\\d+/v1/credentials"), server.url());
        HttpResponse<String> r = http.send("GET", server.url(), "Authorization", token);
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"AccessKeyId\":\"ASIAFAKE000000000001\",\"SecretAccessKey\":\"secret/1+key\","
                + "\"Token\":\"token-1\",\"Expiration\":\"2026-01-01T01:00:00Z\"}", r.body());
    }

    @Test
    void tokenIsRandomPerStart() {
        String other = CredentialServer.newToken(new SecureRandom());
        assertEquals(64, token.length());
        assertTrue(!token.equals(other));
    }

    @Test
    void missingOrWrongTokenIsRefused() throws Exception {
        assertEquals(401, http.send("GET", server.url()).statusCode());
        assertEquals(401, http.send("GET", server.url(), "Authorization", token + "x").statusCode());
        assertEquals(401, http.send("GET", server.url(), "Authorization", token.substring(1)).statusCode());
        assertEquals(401, http.send("GET", server.url(), "Authorization", "Bearer " + token).statusCode());
    }

    @Test
    void onlyGetOnTheCredentialsPath() throws Exception {
        assertEquals(405, http.send("PUT", server.url(), "Authorization", token).statusCode());
        assertEquals(404, http.send("GET", server.url().replace("/v1/credentials", "/v2/credentials"),
                "Authorization", token).statusCode());
    }

    @Test
    void http500WhenNoValidCredentialsRemain() throws Exception {
        source.failing = true;
        clock.advance(Duration.ofMinutes(60));
        HttpResponse<String> r = http.send("GET", server.url(), "Authorization", token);
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("no valid credentials"), r.body());
    }
}
