package dev.lanyard.issuer.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What a SPIFFE CA signs to prove that the issuer holding its key vouches for this connection:
 * <pre>
 * lanyard-ca-proof-v1
 * nonce=&lt;the client's nonce&gt;
 * host_ca_pin=sha256:&lt;hex SPKI of the host CA the TLS certificate chains to&gt;
 * tls_certificate=sha256:&lt;hex of the TLS server certificate's DER&gt;
 * ca_pin=sha256:&lt;hex SPKI of the signing SPIFFE CA&gt;
 * </pre>
 * (lines end with {@code \n}). The first line separates it from anything else the CA key signs
 * (certificates and CRLs are DER and start with a SEQUENCE byte). Binding the TLS certificate means
 * that a proof relayed from the real issuer does not verify on a connection to anyone else.
 */
public record CaProofStatement(String nonce, String hostCaPin, String tlsCertificate, String caPin) {
    public static final String VERSION = "lanyard-ca-proof-v1";
    /** Accepted nonce sizes in bytes. */
    public static final int MIN_NONCE = 16;
    public static final int MAX_NONCE = 64;

    public byte[] bytes() {
        return (VERSION + "\nnonce=" + nonce + "\nhost_ca_pin=" + hostCaPin + "\ntls_certificate=" + tlsCertificate
                + "\nca_pin=" + caPin + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code sha256:<hex>} of a certificate's DER encoding. */
    public static String certificateHash(X509Certificate certificate) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a certificate: " + e.getMessage(), e);
        }
    }

    /** True when {@code nonce} is base64url (no padding) of {@link #MIN_NONCE} to {@link #MAX_NONCE} bytes. */
    public static boolean validNonce(String nonce) {
        if (nonce == null || !nonce.matches("[A-Za-z0-9_-]{1,100}")) {
            return false;
        }
        try {
            int n = Base64.getUrlDecoder().decode(nonce).length;
            return n >= MIN_NONCE && n <= MAX_NONCE;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
