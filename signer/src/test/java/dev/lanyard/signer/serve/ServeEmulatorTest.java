package dev.lanyard.signer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.json.Json;
import dev.lanyard.signer.process.SessionParameters;
import dev.lanyard.signer.refresh.EmulatorProcess;
import dev.lanyard.signer.refresh.KeyFiles;
import dev.lanyard.signer.refresh.RefreshPolicy;
import dev.lanyard.signer.refresh.RefreshingCredentials;
import dev.lanyard.signer.refresh.SessionCredentialSource;
import dev.lanyard.signer.refresh.SourceFixture;
import dev.lanyard.signer.refresh.TestClock;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real emulator: /usr/bin/aws gets credentials from our IMDS and container endpoints
 * (backed by real CreateSession calls) and uses them for {@code sts get-caller-identity}; the refresh
 * keeps the last good credentials while the emulator is stopped and recovers when it is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeEmulatorTest {
    @TempDir
    static Path dir;

    private final Clock real = Clock.systemUTC();
    private SourceFixture fixture;
    private EmulatorProcess emulator;

    @BeforeAll
    void startEmulator() throws Exception {
        fixture = new SourceFixture(dir, real);
        emulator = EmulatorProcess.start(dir, fixture.root);
    }

    @AfterAll
    void stopEmulator() throws Exception {
        emulator.close();
    }

    private SessionCredentialSource source() {
        var parameters = SessionParameters.resolve(SourceFixture.TA, SourceFixture.PROFILE, SourceFixture.ROLE, 3600, null,
                null, emulator.endpoint(), false, false, false, Map.of());
        return new SessionCredentialSource(parameters, new KeyFiles(fixture.certificate.toString(), fixture.key.toString(),
                null, null), Map.of(), real, d -> Thread.sleep(d), s -> { }, "test");
    }

    @Test
    void awsCliThroughImds() throws Exception {
        try (SessionCredentialSource source = source();
             RefreshingCredentials credentials = new RefreshingCredentials(source, real, RefreshPolicy.DEFAULT, s -> { })) {
            credentials.start();
            try (CredentialServer server = CredentialServer.imds(credentials, "example-service",
                    InetAddress.getLoopbackAddress(), 0, 64, real, new SecureRandom())) {
                AwsCli.Result r = AwsCli.run(dir, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url(),
                        "AWS_REGION", "us-east-1"), "sts", "get-caller-identity", "--endpoint-url", emulator.endpoint(),
                        "--output", "json");
                assertCallerIsTheRole(r);
            }
        }
    }

    @Test
    void awsCliThroughTheContainerEndpoint() throws Exception {
        try (SessionCredentialSource source = source();
             RefreshingCredentials credentials = new RefreshingCredentials(source, real, RefreshPolicy.DEFAULT, s -> { })) {
            credentials.start();
            String token = CredentialServer.newToken(new SecureRandom());
            try (CredentialServer server = CredentialServer.container(credentials, token, InetAddress.getLoopbackAddress(),
                    0, 64)) {
                AwsCli.Result r = AwsCli.run(dir, Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url(),
                        "AWS_CONTAINER_AUTHORIZATION_TOKEN", token, "AWS_EC2_METADATA_DISABLED", "true",
                        "AWS_REGION", "us-east-1"), "sts", "get-caller-identity", "--endpoint-url", emulator.endpoint(),
                        "--output", "json");
                assertCallerIsTheRole(r);
            }
        }
    }

    @Test
    void keepsTheLastGoodCredentialsWhileTheEmulatorIsDownAndRecovers() throws Exception {
        TestClock clock = new TestClock(real.instant());
        try (SessionCredentialSource source = source();
             RefreshingCredentials credentials = new RefreshingCredentials(source, clock, RefreshPolicy.DEFAULT, s -> { })) {
            String first = credentials.start().accessKeyId();
            emulator.stop();
            try {
                clock.advance(Duration.ofMinutes(46));
                assertTrue(credentials.refreshIfDue());
                assertEquals(first, credentials.current().orElseThrow().accessKeyId(), "last good credentials kept");
            } finally {
                emulator.restart();
            }
            clock.advance(RefreshPolicy.DEFAULT.minInterval());
            assertTrue(credentials.refreshIfDue());
            assertNotEquals(first, credentials.current().orElseThrow().accessKeyId(), "refreshed once the emulator is back");
        }
    }

    private static void assertCallerIsTheRole(AwsCli.Result r) {
        assertEquals(0, r.exitCode(), r.stderr());
        String arn = (String) Json.parseObject(r.stdout()).get("Arn");
        assertTrue(arn.startsWith("arn:aws:sts::123456789012:assumed-role/example-service/"), arn);
    }
}
