package dev.lanyard.signer.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.signer.process.SessionParameters;
import dev.lanyard.signer.testing.ScriptedEndpoint;
import dev.lanyard.signer.testing.SvidLinks;
import dev.lanyard.signer.testing.TestPki;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve, exec, update and the SDK provider fetch through {@link SessionCredentialSource}: a bot renewal
 * between its certificate and key reads must not fail the fetch; the new pair is read and signs.
 */
class RenewalBetweenReadsTest {
    @TempDir
    Path dir;

    @Test
    void aFetchThatStraddlesARenewalUsesTheRenewedPair() throws Exception {
        Clock clock = Clock.systemUTC();
        TestPki pki = new TestPki(clock.instant());
        TestPki.Issued root = pki.root("CN=Lanyard Test Root");
        TestPki.Issued before = pki.leaf(root, TestPki.LeafSpec.svid(clock.instant()));
        TestPki.Issued after = pki.leaf(root, TestPki.LeafSpec.svid(clock.instant()));
        SvidLinks links = new SvidLinks(dir);
        links.renew(before);
        var input = new SvidLinks.RenewAfterFirstCertificateRead(links, after);
        String expiration = clock.instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIARENEWED00000",
                expiration));
             SessionCredentialSource source = new SessionCredentialSource(SessionParameters.resolve(SourceFixture.TA,
                     SourceFixture.PROFILE, SourceFixture.ROLE, 3600, null, null, endpoint.url(), false, false, false,
                     Map.of()), new KeyFiles(links.certificate().toString(), links.key().toString(), null, null), input,
                     clock, d -> { }, s -> { }, "test")) {
            assertEquals("ASIARENEWED00000", source.fetch().accessKeyId());
            assertEquals(1, endpoint.received().size(), "the mismatched pair was never sent");
            assertEquals(Base64.getEncoder().encodeToString(after.der()),
                    endpoint.received().get(0).header("X-Amz-X509"));
            assertEquals(2, input.certificateReads());
        }
    }
}
