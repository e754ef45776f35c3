package dev.lanyard.issuer.client;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for talking to the issuer: the server must chain to the pinned host CA and carry
 * {@code OU=server} (client identities from the same CA cannot pose as the server); host names are
 * not checked because the CA is dedicated to one cluster. Optionally presents a client identity.
 */
public final class ClientTls {
    private ClientTls() {
    }

    public static SSLContext context(X509Certificate hostCa, PrivateKey key, X509Certificate cert,
                                     SecureRandom random) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("host-ca", hostCa);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            X509TrustManager pkix = (X509TrustManager) tmf.getTrustManagers()[0];
            KeyManager[] kms = null;
            if (key != null) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                char[] pw = "identity".toCharArray();
                ks.setKeyEntry("identity", key, pw, new X509Certificate[] {cert});
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw);
                kms = kmf.getKeyManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kms, new X509ExtendedTrustManager[] {new Pinned(pkix)}, random);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Accepts any server and records its chain: only for fetching the chain to compare with a pin. */
    public static final class Capture extends ServerOnlyTrustManager {
        private final List<X509Certificate> chain = new ArrayList<>();

        public synchronized List<X509Certificate> chain() {
            return List.copyOf(chain);
        }

        public SSLContext context(SecureRandom random) {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new X509ExtendedTrustManager[] {this}, random);
                return ctx;
            } catch (GeneralSecurityException e) {
                throw new LanyardException(Failure.INTERNAL, "cannot set up TLS: " + e.getMessage(), e);
            }
        }

        private synchronized void record(X509Certificate[] c) {
            chain.clear();
            chain.addAll(List.of(c));
        }

        @Override
        void checkServer(X509Certificate[] c, String authType) {
            record(c);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static final class Pinned extends ServerOnlyTrustManager {
        private final X509TrustManager pkix;

        Pinned(X509TrustManager pkix) {
            this.pkix = pkix;
        }

        @Override
        void checkServer(X509Certificate[] chain, String authType) throws CertificateException {
            pkix.checkServerTrusted(chain, authType);
            String subject = chain[0].getSubjectX500Principal().getName();
            if (!subject.contains("OU=server")) {
                throw new CertificateException("the peer's certificate is not an issuer server certificate");
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }
    }

    /** A client-side trust manager: every server check goes to {@link #checkServer}; client checks are refused. */
    abstract static class ServerOnlyTrustManager extends X509ExtendedTrustManager {
        abstract void checkServer(X509Certificate[] chain, String authType) throws CertificateException;

        @Override
        public final void checkServerTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            checkServer(c, a);
        }

        @Override
        public final void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
            checkServer(c, a);
        }

        @Override
        public final void checkServerTrusted(X509Certificate[] c, String a) throws CertificateException {
            checkServer(c, a);
        }

        @Override
        public final void checkClientTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public final void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public final void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
            throw new CertificateException("client side only");
        }
    }
}
