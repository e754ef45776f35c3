package dev.lanyard.issuer.server.ca;

import dev.lanyard.common.crypto.FipsPolicy;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.wire.CaProofResponse;
import dev.lanyard.issuer.wire.CaProofStatement;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The issuer's side of a CA pin check: each trusted SPIFFE CA signs the {@link CaProofStatement} for
 * the client's nonce, the host CA and the TLS certificate the client was served, so that a client
 * pinning the SPIFFE CA learns which host CA to trust from the holder of the pinned key, not from
 * whatever the server claims. Signing uses the default JCA provider order (BC-FIPS in FIPS mode).
 */
public final class CaProofs {
    private CaProofs() {
    }

    public static CaProofResponse prove(String cluster, String nonce, X509Certificate hostCa,
                                        X509Certificate tlsCertificate, List<CertificateAuthority> spiffeCas) {
        if (!CaProofStatement.validNonce(nonce)) {
            throw new LanyardException(Failure.INVALID_INPUT, "nonce: expected " + CaProofStatement.MIN_NONCE + " to "
                    + CaProofStatement.MAX_NONCE + " random bytes, base64url without padding");
        }
        if (tlsCertificate == null) {
            throw new LanyardException(Failure.USAGE, "a CA proof needs a TLS connection to the issuer");
        }
        String hostCaPin = Certificates.spkiPin(hostCa);
        String tls = CaProofStatement.certificateHash(tlsCertificate);
        List<CaProofResponse.Proof> proofs = new ArrayList<>();
        for (CertificateAuthority ca : spiffeCas) {
            String caPin = Certificates.spkiPin(ca.certificate());
            String algorithm = KeyType.signatureAlgorithm(ca.key());
            byte[] statement = new CaProofStatement(nonce, hostCaPin, tls, caPin).bytes();
            proofs.add(new CaProofResponse.Proof(caPin, Certificates.toPem(ca.certificate()), algorithm,
                    Base64.getEncoder().encodeToString(sign(algorithm, ca, statement))));
        }
        return new CaProofResponse(cluster, hostCaPin, tls, proofs);
    }

    private static byte[] sign(String algorithm, CertificateAuthority ca, byte[] statement) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initSign(ca.key());
            s.update(statement);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new LanyardException(Failure.INTERNAL, "cannot sign the CA proof: " + e.getMessage(), e);
        } catch (AssertionError e) {
            throw FipsPolicy.rethrow("signing the CA proof", e);
        }
    }
}
