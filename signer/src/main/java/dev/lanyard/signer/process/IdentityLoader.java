package dev.lanyard.signer.process;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.signer.crypto.CryptoProviders;
import dev.lanyard.signer.session.SigningIdentity;
import dev.lanyard.signer.sigv4.SigningAlgorithm;
import dev.lanyard.signer.sigv4.X509RequestSigner;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Parses the key material into a {@link SigningIdentity}: the leaf must be valid now, the key of the
 * certificate's type and its pair ({@link KeyPairCheck}; when the key file cannot tell, the first
 * signature must verify with the certificate's public key), so a key that does not match is caught
 * before any request is sent.
 */
public final class IdentityLoader {
    private IdentityLoader() {
    }

    public static SigningIdentity load(KeyMaterial m, char[] password, CryptoProviders providers, Instant now) {
        return load(m, new KeyTask(m, password, providers), providers, now);
    }

    /** As above, with the key parsed by {@code keyTask} (possibly on a second thread, started earlier). */
    static SigningIdentity load(KeyMaterial m, KeyTask keyTask, CryptoProviders providers, Instant now) {
        // certificate errors are reported before key errors
        X509Certificate leaf = Certificates.parseOne(m.certificate(), m.certificateSource());
        checkValidity(leaf, m.certificateSource(), now);
        List<X509Certificate> chain = m.intermediates() == null ? List.of()
                : Certificates.parseAll(m.intermediates(), m.intermediatesSource());
        if (chain.size() > 5) {
            throw new LanyardException(Failure.INVALID_INPUT, m.intermediatesSource() + ": " + chain.size()
                    + " intermediate certificates; Roles Anywhere accepts at most 5");
        }
        providers.requireApproved(leaf, m.certificateSource());
        PrivateKey parsed = keyTask.get();
        String certAlg = leaf.getPublicKey().getAlgorithm();
        if (!sameFamily(parsed.getAlgorithm(), certAlg)) {
            throw mismatch(m, leaf, "it is an " + parsed.getAlgorithm() + " key and the certificate holds an "
                    + certAlg + " key");
        }
        SigningAlgorithm algorithm = SigningAlgorithm.forKeyAlgorithm(certAlg);
        KeyPairCheck.Result pair = KeyPairCheck.check(parsed, leaf);
        if (pair == KeyPairCheck.Result.MISMATCH) {
            throw mismatch(m, leaf, "its public key is not the certificate's");
        }
        PrivateKey key = providers.importKey(parsed);
        X509RequestSigner.RawSigner signer = new X509RequestSigner.RawSigner() {
            private boolean checked = pair == KeyPairCheck.Result.MATCH;

            @Override
            public byte[] sign(byte[] data) {
                byte[] signature = providers.sign(algorithm, key, data);
                if (!checked) {
                    if (!providers.verify(algorithm, leaf.getPublicKey(), data, signature)) {
                        throw mismatch(m, leaf, "a signature made with it does not verify with the certificate");
                    }
                    checked = true;
                }
                return signature;
            }
        };
        return new SigningIdentity(leaf, chain, algorithm, signer);
    }

    static void checkValidity(X509Certificate leaf, String source, Instant now) {
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            throw new LanyardException(Failure.UNTRUSTED, source + ": the certificate is not valid until "
                    + leaf.getNotBefore().toInstant() + "; check the clock or wait");
        }
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            throw new LanyardException(Failure.UNTRUSTED, source + ": the certificate expired at "
                    + leaf.getNotAfter().toInstant() + "; renew it (lanyard svid issue, or the bot's output)");
        }
    }

    private static boolean sameFamily(String keyAlg, String certAlg) {
        return keyAlg.equals(certAlg) || (keyAlg.startsWith("ML-DSA") && certAlg.startsWith("ML-DSA"));
    }

    private static KeyMismatchException mismatch(KeyMaterial m, X509Certificate leaf, String why) {
        return new KeyMismatchException(m.keySource() + ": the private key does not match the"
                + " certificate in " + m.certificateSource() + " (" + leaf.getSubjectX500Principal().getName() + "): "
                + why);
    }
}
