package dev.lanyard.signer.process;

import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.PrivateKeys;
import dev.lanyard.signer.crypto.CryptoProviders;
import dev.lanyard.signer.sigv4.SigningAlgorithm;
import java.security.PrivateKey;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The private key, parsed on a second thread in default mode while the calling thread parses the
 * certificates, followed there by one throw-away signature with it: the first signature of a process
 * is the largest single cost of a cache miss (SunEC builds its P-256 generator tables on first use,
 * ~50–100 ms on these machines), and this way the real signature finds the tables ready. The warm-up
 * result is discarded and its failure ignored (the real signature reports what is wrong). In FIPS mode,
 * whose approved-only setting is per thread, the key is parsed on the calling thread by {@link #get()}.
 */
final class KeyTask implements Runnable {
    private static final byte[] WARM_UP_MESSAGE = new byte[32];

    private final CryptoProviders providers;
    private final FutureTask<PrivateKey> parse;
    private boolean started;

    KeyTask(KeyMaterial material, char[] password, CryptoProviders providers) {
        this.providers = providers;
        this.parse = new FutureTask<>(new Parse(material, password));
    }

    /** Starts parsing (and the warm-up) on a daemon thread, in default mode only. */
    KeyTask startInBackground() {
        if (providers.mode() == CryptoMode.DEFAULT) {
            Thread t = new Thread(this, "lanyard-key");
            t.setDaemon(true);
            t.start();
            started = true;
        }
        return this;
    }

    @Override
    public void run() {
        parse.run();
        try {
            PrivateKey key = parse.get();
            providers.sign(SigningAlgorithm.forKeyAlgorithm(key.getAlgorithm()), key, WARM_UP_MESSAGE);
        } catch (ExecutionException | InterruptedException | RuntimeException ignored) {
            // a parse failure is reported by get(); a signing failure by the real signature
        }
    }

    /** The parsed key (parsed now on this thread if it was not started); parse errors as thrown by {@link PrivateKeys}. */
    PrivateKey get() {
        if (!started) {
            started = true;
            parse.run();
        }
        try {
            return parse.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new LanyardException(Failure.INTERNAL, "cannot parse the private key: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LanyardException(Failure.INTERNAL, "interrupted while parsing the private key", e);
        }
    }

    private record Parse(KeyMaterial material, char[] password) implements Callable<PrivateKey> {
        @Override
        public PrivateKey call() {
            return PrivateKeys.parse(material.key(), material.keySource(), password);
        }
    }
}
