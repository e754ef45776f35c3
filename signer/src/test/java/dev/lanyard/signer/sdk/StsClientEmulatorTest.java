package dev.lanyard.signer.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.refresh.EmulatorProcess;
import dev.lanyard.signer.refresh.SourceFixture;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** The AWS SDK for Java v2 StsClient signs with credentials from the provider, against the real emulator. */
class StsClientEmulatorTest {
    @TempDir
    Path dir;

    @Test
    void getCallerIdentityAsTheRole() throws Exception {
        SourceFixture f = new SourceFixture(dir, Clock.systemUTC());
        try (EmulatorProcess emulator = EmulatorProcess.start(dir, f.root);
             RolesAnywhereCredentialsProvider credentials = RolesAnywhereCredentialsProvider.builder()
                     .certificate(f.certificate)
                     .privateKey(f.key)
                     .trustAnchorArn(SourceFixture.TA)
                     .profileArn(SourceFixture.PROFILE)
                     .roleArn(SourceFixture.ROLE)
                     .endpoint(emulator.endpoint())
                     .env(Map.of())
                     .build();
             StsClient sts = StsClient.builder()
                     .region(Region.US_EAST_1)
                     .endpointOverride(URI.create(emulator.endpoint()))
                     .httpClient(UrlConnectionHttpClient.create())
                     .credentialsProvider(credentials)
                     .build()) {
            GetCallerIdentityResponse who = sts.getCallerIdentity();
            assertTrue(who.arn().startsWith("arn:aws:sts::123456789012:assumed-role/example-service/"), who.arn());
            assertEquals("123456789012", who.account());
            assertEquals(who.arn(), sts.getCallerIdentity().arn(), "the second call reuses the credentials");
        }
    }
}
