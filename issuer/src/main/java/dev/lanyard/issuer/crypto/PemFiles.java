package dev.lanyard.issuer.crypto;

import dev.lanyard.common.x509.Pem;
import java.security.PrivateKey;
import java.security.PublicKey;

/** PEM encodings used on disk and on the wire. */
public final class PemFiles {
    private PemFiles() {
    }

    public static String privateKey(PrivateKey key) {
        return Pem.encode("PRIVATE KEY", key.getEncoded());
    }

    public static String publicKey(PublicKey key) {
        return Pem.encode("PUBLIC KEY", key.getEncoded());
    }
}
