package dev.lanyard.signer.process;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.crypto.CryptoProviders;
import dev.lanyard.signer.session.HttpSettings;
import java.net.http.HttpClient;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Builds the HTTP client, optionally on a background thread while the key material is parsed. */
final class HttpClientTask implements Callable<HttpClient> {
    private final HttpSettings settings;
    private final CryptoProviders providers;
    private final boolean tls;
    private final FutureTask<HttpClient> task = new FutureTask<>(this);
    private boolean started;

    HttpClientTask(HttpSettings settings, CryptoProviders providers, boolean tls) {
        this.settings = settings;
        this.providers = providers;
        this.tls = tls;
    }

    @Override
    public HttpClient call() {
        return settings.newClient(providers, tls);
    }

    void startInBackground() {
        Thread t = new Thread(task, "lanyard-http-init");
        t.setDaemon(true);
        t.start();
        started = true;
    }

    /** The client: built by the background thread, or now on this one. */
    HttpClient get() {
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

    /** Shuts down a client that was started but is not going to be used. */
    void discard() {
        if (started) {
            try {
                get().shutdownNow();
            } catch (RuntimeException ignored) {
                // it failed to build: nothing to shut down
            }
        }
    }
}
