package dev.lanyard.signer.refresh;

import dev.lanyard.common.crypto.FipsPolicy;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.crypto.CryptoProviders;
import dev.lanyard.signer.process.CacheKey;
import dev.lanyard.signer.process.IdentityLoader;
import dev.lanyard.signer.process.KeyMaterial;
import dev.lanyard.signer.process.KeyMaterialReader;
import dev.lanyard.signer.process.SessionParameters;
import dev.lanyard.signer.session.Credentials;
import dev.lanyard.signer.session.RolesAnywhereClient;
import dev.lanyard.signer.session.SigningIdentity;
import dev.lanyard.signer.session.Sleeper;
import dev.lanyard.signer.sigv4.X509RequestSigner;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The real source for the long-running modes: at each fetch it re-reads the key files, loads the
 * signing identity and calls CreateSession through ONE client whose HTTP connections are kept alive
 * between refreshes. {@link #changed()} compares the files with those of the last fetch (the bytes'
 * SHA-256, as the credential-process cache key does), so a renewed SVID is noticed before the current
 * credentials are due for refresh. A fetch that reads a key that is not the certificate's reads the files once
 * more ({@link KeyMaterialReader}): a writer such as lanyard bot may have swapped them between the two
 * reads. Fetches run on one thread made by the crypto providers' factory, so in FIPS mode
 * they run approved-only whichever thread asks.
 */
public final class SessionCredentialSource implements CredentialSource, AutoCloseable {
    private final SessionParameters parameters;
    private final KeyFiles keys;
    private final KeyMaterialReader reader;
    private final Clock clock;
    private final CryptoProviders providers;
    private final RolesAnywhereClient client;
    private final ExecutorService worker;
    private volatile Fetched fetchedWith;

    /** The key files of the last fetch: the digest of their bytes, and their stamp taken before reading them. */
    private record Fetched(String digest, KeyFiles.Stamp stamp) {
    }

    /** For the CLI: in FIPS mode BouncyCastle's log records go to {@code debug} too (not to stderr). */
    public SessionCredentialSource(SessionParameters parameters, KeyFiles keys, Map<String, String> env, Clock clock,
                                   Sleeper sleeper, Consumer<String> debug, String userAgent) {
        this(parameters, keys, env, clock, sleeper, debug, userAgent, debug);
    }

    /** As above; {@code providerLog} null leaves BouncyCastle's java.util.logging as the application set it. */
    public SessionCredentialSource(SessionParameters parameters, KeyFiles keys, Map<String, String> env, Clock clock,
                                   Sleeper sleeper, Consumer<String> debug, String userAgent, Consumer<String> providerLog) {
        this(parameters, keys, new KeyMaterial.StandardInput(env, InputStream.nullInputStream()), clock, sleeper, debug,
                userAgent, providerLog);
    }

    /** As above, reading the key files through {@code input} (tests change the files between two reads). */
    SessionCredentialSource(SessionParameters parameters, KeyFiles keys, KeyMaterial.Input input, Clock clock,
                            Sleeper sleeper, Consumer<String> debug, String userAgent) {
        this(parameters, keys, input, clock, sleeper, debug, userAgent, debug);
    }

    private SessionCredentialSource(SessionParameters parameters, KeyFiles keys, KeyMaterial.Input input, Clock clock,
                                    Sleeper sleeper, Consumer<String> debug, String userAgent, Consumer<String> providerLog) {
        this.parameters = parameters;
        this.keys = keys;
        this.reader = keys.reader(input);
        this.clock = clock;
        this.providers = new CryptoProviders(parameters.mode(), providerLog);
        boolean tls = parameters.endpoint().url().getScheme().equals("https");
        this.client = new RolesAnywhereClient(parameters.http().newClient(providers, tls), parameters.endpoint(),
                new X509RequestSigner(clock), sleeper, debug, userAgent);
        this.worker = Executors.newSingleThreadExecutor(providers.threadFactory());
    }

    @Override
    public Credentials fetch() {
        Future<Credentials> f = worker.submit(this::fetchHere);
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (FipsPolicy.isRefusal(e.getCause())) {
                throw CryptoProviders.refusal("CreateSession is refused", e.getCause());
            }
            throw new LanyardException(Failure.INTERNAL, "CreateSession failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new LanyardException(Failure.UNAVAILABLE, "interrupted while calling CreateSession", e);
        }
    }

    /**
     * True when the certificate, key or intermediates on disk differ from those of the last fetch:
     * cheap while the files' stamps are unchanged, their contents compared when a stamp moved.
     */
    @Override
    public boolean changed() {
        Fetched last = fetchedWith;
        if (last == null) {
            return false;
        }
        KeyFiles.Stamp stamp = keys.stamp(clock.instant());
        if (stamp != null && stamp.sameAs(last.stamp())) {
            return false;
        }
        try {
            if (last.digest().equals(digest(reader.read()))) {
                if (fetchedWith == last) {
                    fetchedWith = new Fetched(last.digest(), stamp);
                }
                return false;
            }
            return true;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** One fetch; the files are read again once if the key read is not the certificate's (a renewal in between). */
    private Credentials fetchHere() {
        KeyFiles.Stamp stamp = keys.stamp(clock.instant());
        return reader.withMatchingPair(material -> fetchWith(material, stamp));
    }

    private Credentials fetchWith(KeyMaterial material, KeyFiles.Stamp stamp) {
        // Recorded before signing: a certificate that is refused is not retried at every request, only
        // on the regular schedule (or when the files change again).
        fetchedWith = new Fetched(digest(material), stamp);
        SigningIdentity identity = IdentityLoader.load(material, keys.password(), providers, clock.instant());
        return client.createSession(parameters.request(), identity, parameters.region());
    }

    private static String digest(KeyMaterial material) {
        return material.addTo(new CacheKey()).name();
    }

    @Override
    public void close() {
        worker.shutdownNow();
        client.close();
    }
}
