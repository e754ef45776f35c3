package dev.lanyard.signer.process;

import dev.lanyard.signer.crypto.CryptoProviders;
import dev.lanyard.signer.session.Credentials;
import dev.lanyard.signer.session.RolesAnywhereClient;
import dev.lanyard.signer.session.SigningIdentity;
import dev.lanyard.signer.session.Sleeper;
import dev.lanyard.signer.sigv4.X509RequestSigner;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The one-shot path after a cache miss: parse the key material, sign, call CreateSession and store
 * the result. (The lookup before it reads file bytes and a digest only: on a cache hit no key is
 * parsed, no crypto provider is touched and no socket is opened.)
 */
public final class CredentialProcess {
    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<String> debug;
    private final String userAgent;

    public CredentialProcess(Clock clock, Sleeper sleeper, Consumer<String> debug, String userAgent) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.debug = debug;
        this.userAgent = userAgent;
    }

    /**
     * Signs and calls CreateSession, and stores the result under {@code entry} in {@code cache} (both
     * null with {@code --no-cache}; the caller has already looked the entry up).
     */
    public Credentials obtain(SessionParameters p, KeyMaterial material, char[] password, CredentialCache cache,
                              String entry) {
        CryptoProviders providers = new CryptoProviders(p.mode(), debug);
        KeyTask keyTask = new KeyTask(material, password, providers).startInBackground();
        // Building the JDK HTTP client and parsing + signing are independent: on these 2-core machines the
        // client is built on a second thread meanwhile (not in FIPS mode, whose approved-only setting is
        // per thread and made on this one; not for a plain-socket http:// transport, which costs nothing).
        HttpClientTask httpTask = new HttpClientTask(p.http(), providers, p.endpoint().url());
        if (p.mode() == dev.lanyard.common.crypto.CryptoMode.DEFAULT && httpTask.worthABackgroundThread()) {
            httpTask.startInBackground();
        }
        SigningIdentity identity;
        try {
            identity = IdentityLoader.load(material, keyTask, providers, clock.instant());
        } catch (RuntimeException e) {
            httpTask.discard();
            throw e;
        }
        try (RolesAnywhereClient client = new RolesAnywhereClient(httpTask.get(), p.endpoint(),
                new X509RequestSigner(clock), sleeper, debug, userAgent)) {
            Credentials credentials = client.createSession(p.request(), identity, p.region());
            if (cache != null && entry != null) {
                cache.store(entry, credentials);
            }
            return credentials;
        }
    }
}
