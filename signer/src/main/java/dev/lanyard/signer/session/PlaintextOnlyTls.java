package dev.lanyard.signer.session;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context given to the HTTP client for an {@code http://} endpoint (a local emulator). The JDK
 * client otherwise builds {@link SSLContext#getDefault()} up front, parsing the whole JDK trust store,
 * which is the largest single cost of a loopback CreateSession. Any attempt to use it for TLS fails.
 */
final class PlaintextOnlyTls extends SSLContext {
    PlaintextOnlyTls() {
        super(new Spi(), null, "none");
    }

    private static final class Spi extends SSLContextSpi {
        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("TLS is not set up for an http:// endpoint");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw unused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw unused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw unused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw unused();
        }

        @Override
        protected javax.net.ssl.SSLSessionContext engineGetServerSessionContext() {
            throw unused();
        }

        @Override
        protected javax.net.ssl.SSLSessionContext engineGetClientSessionContext() {
            throw unused();
        }

        private static IllegalStateException unused() {
            return new IllegalStateException("TLS is not set up for an http:// endpoint");
        }
    }
}
