package dev.lanyard.issuer.agent;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * The bot's own identity: a client certificate from the issuer's host/user CA for a key generated
 * here, the host CA pinned at first contact, and the generation the issuer counts renewals with.
 */
record BotIdentity(String bot, String cluster, String proxyServer, JoinMethod joinMethod, X509Certificate certificate,
                   PrivateKey key, X509Certificate hostCa, long generation) {

    Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    boolean validAt(Instant now) {
        return !now.isBefore(notBefore()) && now.isBefore(notAfter());
    }

    @Override
    public String toString() {
        return "BotIdentity[bot=" + bot + ", generation=" + generation + ", notAfter=" + notAfter() + "]";
    }
}
