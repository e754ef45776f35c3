package dev.lanyard.signer.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.process.SessionParameters;
import dev.lanyard.signer.session.Credentials;
import dev.lanyard.signer.testing.ScriptedEndpoint;
import dev.lanyard.signer.testing.TestPki;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real source against a scripted HTTP endpoint: signing, re-reading the key files, errors. */
class SessionCredentialSourceTest {
    static final String TA = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/11111111-2222-3333-4444-555555555555";
    static final String PROFILE = "arn:aws:rolesanywhere:us-east-1:123456789012:profile/66666666-7777-8888-9999-000000000000";
    static final String ROLE = "arn:aws:iam::123456789012:role/example-service";

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final TestPki pki = new TestPki(clock.instant());

    @Test
    void reReadsTheCertificateAndKeyAtEachFetch() throws Exception {
        TestPki.Issued root = pki.root("CN=Test Root");
        TestPki.Issued first = pki.leaf(root, TestPki.LeafSpec.svid(clock.instant()));
        TestPki.Issued second = pki.leaf(root, TestPki.LeafSpec.svid(clock.instant()).withKeyType(TestPki.KeyType.RSA));
        Path cert = first.writeCertificate(dir.resolve("svid.pem"));
        Path key = first.writeKey(dir.resolve("svid_key.pem"));
        String expiration = clock.instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint()
                .respond(ScriptedEndpoint.created("ASIAFIRST0000000", expiration),
                        ScriptedEndpoint.created("ASIASECOND000000", expiration));
             SessionCredentialSource source = source(endpoint, cert, key)) {
            Credentials c1 = source.fetch();
            assertEquals("ASIAFIRST0000000", c1.accessKeyId());
            second.writeCertificate(cert);
            second.writeKey(key);
            Credentials c2 = source.fetch();
            assertEquals("ASIASECOND000000", c2.accessKeyId());
            assertEquals(Base64.getEncoder().encodeToString(first.der()), endpoint.received().get(0).header("X-Amz-X509"));
            assertEquals(Base64.getEncoder().encodeToString(second.der()), endpoint.received().get(1).header("X-Amz-X509"));
            assertTrue(endpoint.received().get(1).header("Authorization").startsWith("AWS4-X509-RSA-SHA256 "));
            assertEquals("POST", endpoint.received().get(0).method());
        }
    }

    @Test
    void refusalsBecomeLanyardExceptions() throws Exception {
        TestPki.Issued root = pki.root("CN=Test Root");
        TestPki.Issued leaf = pki.leaf(root, TestPki.LeafSpec.svid(clock.instant()));
        Path cert = leaf.writeCertificate(dir.resolve("svid.pem"));
        Path key = leaf.writeKey(dir.resolve("svid_key.pem"));
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint().respond(ScriptedEndpoint.error(403,
                "AccessDeniedException", "{\"message\":\"Untrusted Signing Certificate\"}"));
             SessionCredentialSource source = source(endpoint, cert, key)) {
            LanyardException e = assertThrows(LanyardException.class, source::fetch);
            assertTrue(e.getMessage().contains("Untrusted Signing Certificate"), e.getMessage());
        }
    }

    @Test
    void aMissingKeyFileIsAFileFailure() throws Exception {
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint();
             SessionCredentialSource source = source(endpoint, dir.resolve("none.pem"), dir.resolve("none-key.pem"))) {
            LanyardException e = assertThrows(LanyardException.class, source::fetch);
            assertEquals(Failure.FILE, e.failure());
        }
    }

    private SessionCredentialSource source(ScriptedEndpoint endpoint, Path cert, Path key) {
        var parameters = SessionParameters.resolve(TA, PROFILE, ROLE, 3600, null, null, endpoint.url(), false, false, false,
                Map.of());
        return new SessionCredentialSource(parameters, new KeyFiles(cert.toString(), key.toString(), null, null), Map.of(),
                clock, d -> { }, s -> { }, "test");
    }
}
