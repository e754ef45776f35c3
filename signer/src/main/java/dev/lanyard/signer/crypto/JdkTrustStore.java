package dev.lanyard.signer.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** The JDK's {@code cacerts}, for the FIPS trust manager, which does not find it on its own. */
final class JdkTrustStore {
    private JdkTrustStore() {
    }

    static KeyStore load() throws GeneralSecurityException {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        try (InputStream in = Files.newInputStream(cacerts)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, null);
            return ks;
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot read " + cacerts + ": " + e.getMessage(), e);
        }
    }
}
