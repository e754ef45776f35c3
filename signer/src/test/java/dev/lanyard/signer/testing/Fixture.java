package dev.lanyard.signer.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A temp directory with a root CA, an EC leaf and its files, and the vector ARNs. */
public final class Fixture {
    public static final String TA = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/11111111-2222-3333-4444-555555555555";
    public static final String PROFILE = "arn:aws:rolesanywhere:us-east-1:123456789012:profile/66666666-7777-8888-9999-000000000000";
    public static final String ROLE = "arn:aws:iam::123456789012:role/example-service";

    public final Path dir;
    public final Instant now;
    public final TestPki pki;
    public final TestPki.Issued root;
    public final TestPki.Issued leaf;
    public final Path rootPem;
    public final Path certPem;
    public final Path keyPem;

    public Fixture(Path dir, Instant now) throws IOException {
        this.dir = dir;
        this.now = now;
        this.pki = new TestPki(now);
        this.root = pki.root("CN=Signer Test Root,O=Lanyard Test");
        this.leaf = pki.leaf(root, TestPki.LeafSpec.svid(now));
        this.rootPem = root.writeCertificate(dir.resolve("root.pem"));
        this.certPem = leaf.writeCertificate(dir.resolve("svid.pem"));
        this.keyPem = leaf.writeKey(dir.resolve("svid_key.pem"));
    }

    /** credential-process arguments for this leaf against {@code endpoint}, plus {@code extra}. */
    public String[] credentialProcess(String endpoint, String... extra) {
        List<String> args = new ArrayList<>(List.of("credential-process",
                "--certificate", certPem.toString(), "--private-key", keyPem.toString(),
                "--trust-anchor-arn", TA, "--profile-arn", PROFILE, "--role-arn", ROLE,
                "--endpoint", endpoint, "--cache-dir", dir.resolve("cache").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }
}
