package dev.lanyard.common.crypto;

import dev.lanyard.common.testing.TestPki;
import dev.lanyard.common.x509.CertificateChain;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.KeyMatch;
import dev.lanyard.common.x509.Pem;
import dev.lanyard.common.x509.PrivateKeys;
import dev.lanyard.common.x509.SvidProfile;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.List;

/** Run by {@link DefaultModeTest} in a fresh JVM: the default-mode work the signer does on its hot path. */
public final class DefaultModeProbe {
    private DefaultModeProbe() {
    }

    public static void main(String[] args) throws Exception {
        CryptoContext ctx = CryptoProviders.install(CryptoMode.select(false, java.util.Map.of()));
        TestPki.Chain pki = TestPki.chain("EC-P256#probe");
        byte[] keyPem = Pem.encode("PRIVATE KEY", pki.leafKey().getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII);
        PrivateKey key = PrivateKeys.parse(keyPem, "svid_key.pem");
        var leaf = Certificates.parseOne(Certificates.toPem(pki.leaf()).getBytes(StandardCharsets.US_ASCII), "svid.pem");
        KeyMatch.require(key, leaf, "svid_key.pem", "svid.pem");
        SvidProfile.requireLeaf(leaf, "svid.pem");
        CertificateChain.build(leaf, List.of(pki.intermediate()), List.of(pki.root()), TestPki.NOW);
        var signature = ctx.signature(KeyMatch.signatureAlgorithm(key));
        signature.initSign(key);
        signature.update(new byte[] {1});
        signature.sign();
        ctx.requireApproved(leaf, "svid.pem");
        FipsPolicy.check(leaf, "svid.pem");
        System.out.println("probe ok");
    }
}
