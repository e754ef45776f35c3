package dev.lanyard.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.process.KeyMaterial;
import dev.lanyard.signer.testing.ScriptedEndpoint;
import dev.lanyard.signer.testing.SvidLinks;
import dev.lanyard.signer.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * credential-process on the bot's output while the bot renews between the certificate read and the key
 * read: the pair is read again, the renewed SVID signs, and its credentials are cached under the new pair.
 */
class CredentialProcessRenewalTest {
    static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
    static final String EXPIRES = "2026-11-25T05:00:00Z";

    @TempDir
    Path tmp;

    @Test
    void aRenewalBetweenTheReadsIsReadAgainNotAnExit5() throws Exception {
        TestPki pki = new TestPki(NOW);
        TestPki.Issued root = pki.root("CN=Lanyard Test Root");
        TestPki.Issued before = pki.leaf(root, TestPki.LeafSpec.svid(NOW));
        TestPki.Issued after = pki.leaf(root, TestPki.LeafSpec.svid(NOW));
        SvidLinks links = new SvidLinks(tmp.resolve("out"));
        links.renew(before);
        var renewing = new SvidLinks.RenewAfterFirstCertificateRead(links, after);
        try (ScriptedEndpoint ep = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIARENEWED1", EXPIRES))) {
            String first = run(ep, links, renewing);
            assertTrue(first.contains("\"AccessKeyId\":\"ASIARENEWED1\""), first);
            assertEquals(1, ep.received().size(), "the mismatched pair was never sent");
            assertEquals(Base64.getEncoder().encodeToString(after.der()), ep.received().get(0).header("X-Amz-X509"));

            String second = run(ep, links, new KeyMaterial.StandardInput(Map.of(), InputStream.nullInputStream()));
            assertEquals(first, second);
            assertEquals(1, ep.received().size(), "a cache hit for the renewed pair");
        }
    }

    private String run(ScriptedEndpoint ep, SvidLinks links, KeyMaterial.Input input) {
        CredentialProcessFastPath.Parsed p = CredentialProcessFastPath.parse(new String[] {"credential-process",
                "--certificate", links.certificate().toString(), "--private-key", links.key().toString(),
                "--trust-anchor-arn", dev.lanyard.signer.testing.Fixture.TA, "--profile-arn", dev.lanyard.signer.testing.Fixture.PROFILE,
                "--role-arn", dev.lanyard.signer.testing.Fixture.ROLE, "--endpoint", ep.url(), "--cache-dir", tmp.resolve("cache").toString()});
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
        SignerContext ctx = new SignerContext(Map.of(), InputStream.nullInputStream(), stdout, out,
                new PrintWriter(new StringWriter()), Clock.fixed(NOW, ZoneOffset.UTC), d -> { });
        CredentialProcessCommand.execute(ctx, input, p.keys(), p.session(), false, false, p.cacheDir());
        return stdout.toString(StandardCharsets.UTF_8);
    }
}
