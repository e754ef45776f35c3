package dev.lanyard.signer.process;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.crypto.CryptoProviders;
import dev.lanyard.signer.session.HttpSettings;
import dev.lanyard.signer.session.HttpTransport;
import dev.lanyard.signer.session.RolesAnywhereClient;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Builds the HTTP transport, optionally on a background thread while the key material is parsed (worth
 * it for the JDK HTTP client; a plain socket transport costs nothing to build).
 */
final class HttpClientTask implements Callable<HttpTransport> {
    private final HttpSettings settings;
    private final CryptoProviders providers;
    private final URI url;
    private final FutureTask<HttpTransport> task = new FutureTask<>(this);
    private boolean started;

    HttpClientTask(HttpSettings settings, CryptoProviders providers, URI url) {
        this.settings = settings;
        this.providers = providers;
        this.url = url;
    }

    @Override
    public HttpTransport call() {
        return settings.newTransport(providers, url, RolesAnywhereClient.REQUEST_TIMEOUT);
    }

    /** Whether building the transport is worth a second thread. */
    boolean worthABackgroundThread() {
        return !settings.plainSocket(url);
    }

    void startInBackground() {
        Thread t = new Thread(task, "lanyard-http-init");
        t.setDaemon(true);
        t.start();
        started = true;
    }

    /** The transport: built by the background thread, or now on this one. */
    HttpTransport get() {
        if (!started) {
            started = true;
            task.run();
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new LanyardException(Failure.INTERNAL, "cannot build the HTTP client: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LanyardException(Failure.INTERNAL, "interrupted while building the HTTP client", e);
        }
    }

    /** Closes a transport that was started but is not going to be used. */
    void discard() {
        if (started) {
            try {
                get().close();
            } catch (RuntimeException ignored) {
                // it failed to build: nothing to close
            }
        }
    }
}
