package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS set-ups of the bot. {@link #probe} accepts any server certificate and is used for one thing
 * only: reading the issuer's status and certificate chain before the first join, which
 * {@link CaPinCheck} then checks against the configured pins. Everything else runs with
 * {@link #pinned}: the host CA (pinned at first contact and kept in storage) is the only trust anchor,
 * with host-name verification, and the bot identity as the client certificate.
 */
final class TlsContexts {
    private static final char[] NO_PASSWORD = "lanyard".toCharArray();

    private TlsContexts() {
    }

    static SSLContext pinned(X509Certificate hostCa, PrivateKey key, X509Certificate identity, SecureRandom random) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("host-ca", hostCa);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManager[] kms = null;
            if (key != null) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("bot", key, NO_PASSWORD, new X509Certificate[] {identity});
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, NO_PASSWORD);
                kms = kmf.getKeyManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kms, tmf.getTrustManagers(), random);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new LanyardException(Failure.INTERNAL, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    static SSLContext probe(SecureRandom random) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new AcceptAll()}, random);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new LanyardException(Failure.INTERNAL, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Accepts any chain; the caller checks the chain it saw against the pins before trusting anything. */
    private static final class AcceptAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new IllegalStateException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // recorded by the TLS session; checked against the pins afterwards
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new IllegalStateException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // recorded by the TLS session; checked against the pins afterwards
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new IllegalStateException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // recorded by the TLS session; checked against the pins afterwards
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
