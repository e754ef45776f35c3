package dev.lanyard.issuer.server.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A CA's signing key and certificate. The key never leaves the server process. */
public record CertificateAuthority(PrivateKey key, X509Certificate certificate) {
    @Override
    public String toString() {
        return "CertificateAuthority[" + certificate.getSubjectX500Principal() + "]";
    }
}
