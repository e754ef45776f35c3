package dev.lanyard.issuer.crypto;

import javax.net.ssl.SSLSession;

/** Names the JSSE provider behind a TLS session from the session's implementation class. */
public final class TlsProviders {
    private TlsProviders() {
    }

    public static String of(SSLSession session) {
        String cls = session.getClass().getName();
        if (cls.startsWith("org.bouncycastle.jsse.")) {
            return "BCJSSE";
        }
        if (cls.startsWith("sun.security.ssl.")) {
            return "SunJSSE";
        }
        return cls;
    }
}
