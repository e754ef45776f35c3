package dev.lanyard.issuer.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spiffe.bundle.x509bundle.X509Bundle;
import io.spiffe.spiffeid.SpiffeId;
import io.spiffe.spiffeid.TrustDomain;
import io.spiffe.svid.x509svid.X509Svid;
import io.spiffe.svid.x509svid.X509SvidValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Validates an SVID the way independent tools do: java-spiffe's validator and {@code openssl verify}. */
public final class SvidChecks {
    private SvidChecks() {
    }

    public static X509Svid validate(byte[] certPem, byte[] keyPem, byte[] bundlePem, String trustDomain,
                                    String expectedId) throws Exception {
        X509Svid svid = X509Svid.parse(certPem, keyPem);
        X509Bundle bundle = X509Bundle.parse(TrustDomain.parse(trustDomain), bundlePem);
        X509SvidValidator.verifyChain(svid.getChain(), bundle);
        X509SvidValidator.verifySpiffeId(svid.getLeaf(), () -> Set.of(SpiffeId.parse(expectedId)));
        assertEquals(expectedId, svid.getSpiffeId().toString());
        return svid;
    }

    public static void validateFiles(Path dir, String trustDomain, String expectedId) throws Exception {
        validate(Files.readAllBytes(dir.resolve("svid.pem")), Files.readAllBytes(dir.resolve("svid_key.pem")),
                Files.readAllBytes(dir.resolve("svid_bundle.pem")), trustDomain, expectedId);
        String out = openssl("verify", "-CAfile", dir.resolve("svid_bundle.pem").toString(),
                dir.resolve("svid.pem").toString());
        assertTrue(out.contains("svid.pem: OK"), out);
    }

    public static String openssl(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "openssl " + String.join(" ", args) + ":\n" + out);
        return out;
    }
}
