package dev.lanyard.common.x509;

import dev.lanyard.common.crypto.FipsPolicy;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a PKCS#12 file ({@code .p12}/{@code .pfx}) holding one private key and its certificate chain,
 * with an empty or a non-empty password.
 */
public final class Pkcs12 {
    /** The key entry: the private key and its chain, leaf first. */
    public record Entry(PrivateKey key, List<X509Certificate> chain) {
        public Entry {
            chain = List.copyOf(chain);
        }

        public X509Certificate leaf() {
            return chain.get(0);
        }
    }

    private Pkcs12() {
    }

    /** {@code password} may be empty (not null) for files written with an empty password. */
    public static Entry read(byte[] data, String source, char[] password) {
        KeyStore store = load(data, source, password);
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                if (!(key instanceof PrivateKey privateKey)) {
                    continue;
                }
                Certificate[] chain = store.getCertificateChain(alias);
                if (chain == null || chain.length == 0) {
                    throw fail(source + ": the PKCS#12 key entry \"" + alias + "\" has no certificate");
                }
                List<X509Certificate> certs = new ArrayList<>(chain.length);
                for (Certificate c : chain) {
                    certs.add((X509Certificate) c);
                }
                return new Entry(privateKey, certs);
            }
        } catch (UnrecoverableKeyException e) {
            throw fail(source + ": cannot decrypt the PKCS#12 key: wrong password?");
        } catch (LanyardException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw fail(source + ": cannot read the PKCS#12 key entry (" + e.getMessage() + ")");
        }
        throw fail(source + ": the PKCS#12 file holds no private key; export it with: openssl pkcs12 -export"
                + " -inkey KEY -in CERT");
    }

    private static KeyStore load(byte[] data, String source, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(data), password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw fail(source + ": cannot open the PKCS#12 file: wrong password?");
            }
            throw fail(source + ": not a readable PKCS#12 file (" + e.getMessage() + ")");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw fail(source + ": not a readable PKCS#12 file (" + e.getMessage() + ")");
        } catch (AssertionError e) {
            throw FipsPolicy.rethrow(source + ": reading PKCS#12", e);
        }
    }

    private static LanyardException fail(String message) {
        return new LanyardException(Failure.KEY_OR_CERTIFICATE, message);
    }
}
