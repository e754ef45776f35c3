package dev.lanyard.issuer.server.api;

import dev.lanyard.issuer.server.Caller;
import dev.lanyard.issuer.server.Issuer;
import io.vertx.core.http.HttpServerRequest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** The TLS peer of a request: its client certificate, if any, and the caller it identifies. */
final class Peer {
    private Peer() {
    }

    static X509Certificate certificate(HttpServerRequest request) {
        SSLSession session = request.sslSession();
        if (session == null) {
            return null;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    static Caller caller(Issuer issuer, HttpServerRequest request) {
        return issuer.authenticator().authenticate(certificate(request));
    }

    static String remote(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
