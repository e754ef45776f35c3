package dev.lanyard.signer.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.process.SessionParameters;
import dev.lanyard.signer.testing.ScriptedEndpoint;
import dev.lanyard.signer.testing.TestPki;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long-running modes follow a renewed SVID at the next request, while the credentials obtained
 * with the previous one are still valid: the real source over key files, a scripted endpoint.
 */
class RenewedCertificateTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final TestPki pki = new TestPki(clock.instant());
    private final List<String> log = new ArrayList<>();
    private final String expiration = clock.instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

    @Test
    void aRenewedCertificateReplacesCredentialsThatAreStillValid() throws Exception {
        TestPki.Issued root = pki.root("CN=Test Root");
        TestPki.Issued first = pki.leaf(root, TestPki.LeafSpec.svid(clock.instant()));
        TestPki.Issued renewed = pki.leaf(root, TestPki.LeafSpec.svid(clock.instant()));
        Path cert = first.writeCertificate(dir.resolve("svid.pem"));
        Path key = first.writeKey(dir.resolve("svid_key.pem"));
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIAFIRST0000000", expiration),
                ScriptedEndpoint.created("ASIARENEWED00000", expiration));
             SessionCredentialSource source = source(endpoint, cert, key);
             RefreshingCredentials credentials = new RefreshingCredentials(source, clock, RefreshPolicy.DEFAULT, log::add)) {
            credentials.start();
            assertFalse(source.changed());
            assertEquals("ASIAFIRST0000000", credentials.current().orElseThrow().accessKeyId());
            assertEquals(1, endpoint.received().size(), "unchanged files: the held credentials are served");

            renewed.writeCertificate(cert);
            renewed.writeKey(key);
            assertTrue(source.changed());
            assertEquals("ASIARENEWED00000", credentials.current().orElseThrow().accessKeyId());
            assertEquals(Base64.getEncoder().encodeToString(renewed.der()), endpoint.received().get(1).header("X-Amz-X509"));
            assertFalse(source.changed());
            assertEquals("ASIARENEWED00000", credentials.current().orElseThrow().accessKeyId());
            assertEquals(2, endpoint.received().size());
            assertTrue(log.stream().anyMatch(l -> l.contains("changed on disk")), log.toString());
        }
    }

    @Test
    void aRefusedRenewedCertificateKeepsTheValidCredentialsAndIsNotRetriedAtEveryRequest() throws Exception {
        TestPki.Issued root = pki.root("CN=Test Root");
        TestPki.Issued first = pki.leaf(root, TestPki.LeafSpec.svid(clock.instant()));
        TestPki.Issued other = pki.leaf(pki.root("CN=Another Root"), TestPki.LeafSpec.svid(clock.instant()));
        Path cert = first.writeCertificate(dir.resolve("svid.pem"));
        Path key = first.writeKey(dir.resolve("svid_key.pem"));
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIAFIRST0000000", expiration),
                ScriptedEndpoint.error(403, "AccessDeniedException", "{\"message\":\"Untrusted signing certificate\"}"));
             SessionCredentialSource source = source(endpoint, cert, key);
             RefreshingCredentials credentials = new RefreshingCredentials(source, clock, RefreshPolicy.DEFAULT, log::add)) {
            credentials.start();
            other.writeCertificate(cert);
            other.writeKey(key);
            assertEquals("ASIAFIRST0000000", credentials.current().orElseThrow().accessKeyId());
            assertEquals("ASIAFIRST0000000", credentials.current().orElseThrow().accessKeyId());
            assertEquals(2, endpoint.received().size(), "one attempt per change of the files");
            assertTrue(log.get(log.size() - 1).contains("still serving the last credentials"), log.toString());
        }
    }

    @Test
    void anUnreadableFileCountsAsUnchanged() throws Exception {
        TestPki.Issued leaf = pki.leaf(pki.root("CN=Test Root"), TestPki.LeafSpec.svid(clock.instant()));
        Path cert = leaf.writeCertificate(dir.resolve("svid.pem"));
        Path key = leaf.writeKey(dir.resolve("svid_key.pem"));
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIAFIRST0000000", expiration));
             SessionCredentialSource source = source(endpoint, cert, key)) {
            source.fetch();
            java.nio.file.Files.delete(cert);
            assertFalse(source.changed());
        }
    }

    private SessionCredentialSource source(ScriptedEndpoint endpoint, Path cert, Path key) {
        var parameters = SessionParameters.resolve(SessionCredentialSourceTest.TA, SessionCredentialSourceTest.PROFILE,
                SessionCredentialSourceTest.ROLE, 3600, null, null, endpoint.url(), false, false, false, Map.of());
        return new SessionCredentialSource(parameters, new KeyFiles(cert.toString(), key.toString(), null, null), Map.of(),
                clock, d -> { }, s -> { }, "test");
    }
}
