package dev.lanyard.signer.process;

import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.signer.crypto.CryptoProviders;
import dev.lanyard.signer.sigv4.SigningAlgorithm;
import java.security.PrivateKey;

/**
 * The first signature of a process is slow (SunEC builds its P-256 generator tables on first use:
 * ~50–100 ms on these machines, the largest single cost of a cache miss). Once the key is parsed, this
 * signs a fixed message with it on a second thread while this one parses the certificates, so the real
 * signature finds the tables ready. The result is discarded; a failure here is ignored (the real
 * signature reports it). Default mode only: FIPS approved-only mode is set per thread.
 */
final class SigningWarmUp implements Runnable {
    private static final byte[] MESSAGE = new byte[32];

    private final CryptoProviders providers;
    private final SigningAlgorithm algorithm;
    private final PrivateKey key;

    private SigningWarmUp(CryptoProviders providers, SigningAlgorithm algorithm, PrivateKey key) {
        this.providers = providers;
        this.algorithm = algorithm;
        this.key = key;
    }

    /** Starts the warm-up for {@code key} on a daemon thread, in default mode and for a known key type. */
    static void start(CryptoProviders providers, PrivateKey key) {
        if (providers.mode() != CryptoMode.DEFAULT) {
            return;
        }
        SigningAlgorithm algorithm;
        try {
            algorithm = SigningAlgorithm.forKeyAlgorithm(key.getAlgorithm());
        } catch (RuntimeException unsupported) {
            return;
        }
        Thread t = new Thread(new SigningWarmUp(providers, algorithm, key), "lanyard-sign-warm-up");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        try {
            providers.sign(algorithm, key, MESSAGE);
        } catch (RuntimeException ignored) {
            // the real signature, made on the calling thread, reports what is wrong with the key
        }
    }
}
