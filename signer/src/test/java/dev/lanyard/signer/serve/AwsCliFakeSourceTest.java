package dev.lanyard.signer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.signer.json.Json;
import dev.lanyard.signer.refresh.FakeSource;
import dev.lanyard.signer.refresh.RefreshPolicy;
import dev.lanyard.signer.refresh.RefreshingCredentials;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS CLI reads credentials from our endpoints ({@code aws configure export-credentials}
 * needs no network beyond the endpoint), with a fake source behind them.
 */
class AwsCliFakeSourceTest {
    @TempDir
    Path home;

    private final Clock clock = Clock.systemUTC();
    private final RefreshingCredentials credentials = new RefreshingCredentials(
            new FakeSource(clock, Duration.ofHours(1)), clock, RefreshPolicy.DEFAULT, s -> { });

    @Test
    void throughImds() throws Exception {
        credentials.start();
        try (CredentialServer server = CredentialServer.imds(credentials, "example-service",
                InetAddress.getLoopbackAddress(), 0, 64, clock, new SecureRandom())) {
            AwsCli.Result r = AwsCli.run(home, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url()),
                    "configure", "export-credentials", "--format", "process");
            assertExported(r);
        }
    }

    @Test
    void throughTheContainerEndpoint() throws Exception {
        credentials.start();
        String token = CredentialServer.newToken(new SecureRandom());
        try (CredentialServer server = CredentialServer.container(credentials, token, InetAddress.getLoopbackAddress(),
                0, 64)) {
            AwsCli.Result r = AwsCli.run(home, Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url(),
                            "AWS_CONTAINER_AUTHORIZATION_TOKEN", token, "AWS_EC2_METADATA_DISABLED", "true"),
                    "configure", "export-credentials", "--format", "process");
            assertExported(r);
        }
    }

    @Test
    void containerEndpointWithAWrongTokenGivesNoCredentials() throws Exception {
        credentials.start();
        try (CredentialServer server = CredentialServer.container(credentials, "right", InetAddress.getLoopbackAddress(),
                0, 64)) {
            AwsCli.Result r = AwsCli.run(home, Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url(),
                            "AWS_CONTAINER_AUTHORIZATION_TOKEN", "wrong", "AWS_EC2_METADATA_DISABLED", "true"),
                    "configure", "export-credentials", "--format", "process");
            org.junit.jupiter.api.Assertions.assertNotEquals(0, r.exitCode(), r.stdout());
        }
    }

    private static void assertExported(AwsCli.Result r) {
        assertEquals(0, r.exitCode(), r.stderr());
        Map<String, Object> doc = Json.parseObject(r.stdout());
        assertEquals("ASIAFAKE000000000001", doc.get("AccessKeyId"));
        assertEquals("secret/1+key", doc.get("SecretAccessKey"));
        assertEquals("token-1", doc.get("SessionToken"));
    }
}
