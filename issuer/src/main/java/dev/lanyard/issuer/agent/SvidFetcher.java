package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.Pem;
import dev.lanyard.issuer.client.ClientTls;
import dev.lanyard.issuer.client.IssuerClient;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.wire.SvidRequest;
import dev.lanyard.issuer.wire.SvidResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * Obtains one X509-SVID for an output: a fresh key generated here, its public half sent to the
 * issuer's {@code POST /v1/svid} over mTLS with the bot identity (so the issuer's RBAC applies to the
 * bot as {@code bot:NAME}), and the answer checked before anything is written.
 */
final class SvidFetcher implements SvidSource {
    /** An SVID ready to write. */
    record Svid(String spiffeId, String serial, X509Certificate certificate, String certificatePem, String keyPem,
                String bundlePem, String capReason) {
    }

    private final SecureRandom random;

    SvidFetcher(SecureRandom random) {
        this.random = random;
    }

    @Override
    public Svid fetch(BotIdentity identity, OutputConfig output, Duration ttl) {
        IssuerClient client = new IssuerClient(identity.proxyServer(),
                ClientTls.context(identity.hostCa(), identity.key(), identity.certificate(), random));
        KeyPair kp = KeyType.EC_P256.generate(random);
        SvidResponse body = client.post("/v1/svid", new SvidRequest(output.svidPath(),
                Pem.encode("PUBLIC KEY", kp.getPublic().getEncoded()), null, output.dnsSans(), output.ipSans(),
                ttl.toSeconds()), SvidResponse.class);
        String certPem = body.certificate() == null ? "" : body.certificate();
        String bundlePem = body.bundle() == null ? "" : body.bundle();
        X509Certificate cert = Certificates.parseOne(certPem.getBytes(StandardCharsets.US_ASCII), "issuer answer");
        if (!cert.getPublicKey().equals(kp.getPublic())) {
            throw new LanyardException(Failure.REMOTE_REFUSED, "the issuer returned an SVID for another key");
        }
        if (bundlePem.isBlank()) {
            throw new LanyardException(Failure.REMOTE_REFUSED, "the issuer returned no trust bundle");
        }
        Certificates.parseAll(bundlePem.getBytes(StandardCharsets.US_ASCII), "issuer bundle");
        return new Svid(body.spiffeId(), body.serial(), cert, certPem,
                Pem.encode("PRIVATE KEY", kp.getPrivate().getEncoded()), bundlePem, body.capped() ? body.capReason() : null);
    }
}
