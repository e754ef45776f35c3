package dev.lanyard.signer.session;

import dev.lanyard.signer.sigv4.SigningAlgorithm;
import dev.lanyard.signer.sigv4.X509RequestSigner;
import java.security.cert.X509Certificate;
import java.util.List;

/** The leaf certificate, its intermediates (leaf issuer first), and what signs with its key. */
public record SigningIdentity(X509Certificate leaf, List<X509Certificate> chain, SigningAlgorithm algorithm,
                              X509RequestSigner.RawSigner signer) {
    public SigningIdentity {
        chain = List.copyOf(chain);
    }
}
