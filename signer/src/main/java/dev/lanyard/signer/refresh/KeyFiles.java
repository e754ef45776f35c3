package dev.lanyard.signer.refresh;

import dev.lanyard.signer.process.KeyMaterial;
import java.io.InputStream;
import java.util.Map;

/**
 * Where the certificate, key and intermediates come from. Read again at every refresh, so a renewed
 * SVID (written by {@code lanyard bot}) is picked up. {@code -} (stdin) can be read once only, so the
 * long-running modes accept paths and {@code env:NAME}.
 */
public record KeyFiles(String certificate, String privateKey, String intermediates, char[] password) {

    public KeyMaterial read(Map<String, String> env) {
        return KeyMaterial.read(certificate, privateKey, intermediates, env, InputStream.nullInputStream());
    }

    @Override
    public String toString() {
        return "KeyFiles[certificate=" + certificate + ", privateKey=" + privateKey + ", intermediates=" + intermediates + "]";
    }
}
