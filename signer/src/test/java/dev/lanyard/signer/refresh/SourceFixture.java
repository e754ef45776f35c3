package dev.lanyard.signer.refresh;

import dev.lanyard.signer.cli.SignerContext;
import dev.lanyard.signer.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An SVID on disk (generated now) and the credential flags pointing at it and at an endpoint. */
public final class SourceFixture {
    public static final String TA = SessionCredentialSourceTest.TA;
    public static final String PROFILE = SessionCredentialSourceTest.PROFILE;
    public static final String ROLE = SessionCredentialSourceTest.ROLE;

    public final Path certificate;
    public final Path key;
    public final TestPki.Issued root;
    public final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    public final StringWriter stderr = new StringWriter();

    public SourceFixture(Path dir, Clock clock) throws IOException {
        TestPki pki = new TestPki(clock.instant());
        root = pki.root("CN=Lanyard Test Root");
        TestPki.Issued leaf = pki.leaf(root, TestPki.LeafSpec.svid(clock.instant()));
        certificate = leaf.writeCertificate(dir.resolve("svid.pem"));
        key = leaf.writeKey(dir.resolve("svid_key.pem"));
    }

    /** The credential flags, then {@code extra}. */
    public String[] args(String endpoint, String... extra) {
        List<String> a = new ArrayList<>(List.of("--certificate", certificate.toString(), "--private-key", key.toString(),
                "--trust-anchor-arn", TA, "--profile-arn", PROFILE, "--role-arn", ROLE, "--endpoint", endpoint));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    public SignerContext context(Map<String, String> env, Clock clock) {
        return new SignerContext(env, InputStream.nullInputStream(), stdout,
                new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true), new PrintWriter(stderr, true),
                clock, d -> { });
    }

    public String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }
}
