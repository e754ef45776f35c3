package dev.lanyard.signer.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.refresh.FakeSource;
import dev.lanyard.signer.refresh.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The SDK provider's contract with a fake source and a hand-moved clock. */
class RolesAnywhereCredentialsProviderTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeSource source = new FakeSource(clock, Duration.ofHours(1));

    private RolesAnywhereCredentialsProvider provider() {
        return RolesAnywhereCredentialsProvider.builder().source(source).clock(clock).asyncRefresh(false).build();
    }

    @Test
    void resolvesSessionCredentialsWithTheirExpiration() {
        try (RolesAnywhereCredentialsProvider p = provider()) {
            AwsCredentials c = p.resolveCredentials();
            AwsSessionCredentials s = (AwsSessionCredentials) c;
            assertEquals("ASIAFAKE000000000001", s.accessKeyId());
            assertEquals("secret/1+key", s.secretAccessKey());
            assertEquals("token-1", s.sessionToken());
            assertEquals(Instant.parse("2026-01-01T01:00:00Z"), s.expirationTime().orElseThrow());
            assertEquals(1, source.calls(), "lazy: one fetch on first use");
            p.resolveCredentials();
            assertEquals(1, source.calls(), "cached while fresh");
        }
    }

    @Test
    void keepsTheLastGoodCredentialsThenFailsClearly() {
        try (RolesAnywhereCredentialsProvider p = provider()) {
            p.resolveCredentials();
            source.failing = true;
            clock.advance(Duration.ofMinutes(50));
            assertEquals("ASIAFAKE000000000001", p.resolveCredentials().accessKeyId());
            clock.advance(Duration.ofMinutes(10));
            SdkClientException e = assertThrows(SdkClientException.class, p::resolveCredentials);
            assertTrue(e.getMessage().contains("no valid credentials"), e.getMessage());
            source.failing = false;
            clock.advance(Duration.ofSeconds(5));
            assertEquals("ASIAFAKE000000000002", p.resolveCredentials().accessKeyId());
        }
    }

    @Test
    void aFirstFailureIsAnSdkClientException() {
        source.failing = true;
        try (RolesAnywhereCredentialsProvider p = provider()) {
            SdkClientException e = assertThrows(SdkClientException.class, p::resolveCredentials);
            assertTrue(e.getMessage().startsWith("IAM Roles Anywhere: cannot reach"), e.getMessage());
        }
    }

    @Test
    void theBuilderNamesWhatIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RolesAnywhereCredentialsProvider.builder().env(Map.of()).certificate(java.nio.file.Path.of("c.pem"))
                        .privateKey(java.nio.file.Path.of("k.pem")).build());
        assertEquals("RolesAnywhereCredentialsProvider: trustAnchorArn is required", e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> RolesAnywhereCredentialsProvider.builder().env(Map.of()).certificate(java.nio.file.Path.of("c.pem"))
                        .privateKey(java.nio.file.Path.of("k.pem")).trustAnchorArn("nope").profileArn("nope")
                        .roleArn("nope").build());
        assertTrue(bad.getMessage().contains("nope"), bad.getMessage());
    }

    @Test
    void toStringShowsNoSecret() {
        try (RolesAnywhereCredentialsProvider p = provider()) {
            p.resolveCredentials();
            assertEquals("RolesAnywhereCredentialsProvider()", p.toString());
        }
    }
}
