package dev.lanyard.common.x509;

import dev.lanyard.common.crypto.FipsPolicy;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;

/** Checks that a private key belongs to a certificate, by signing and verifying a probe. */
public final class KeyMatch {
    private KeyMatch() {
    }

    public static boolean matches(PrivateKey key, PublicKey publicKey) {
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        String alg = signatureAlgorithm(key);
        byte[] probe = "lanyard key match probe".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(publicKey);
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        } catch (AssertionError e) {
            throw FipsPolicy.rethrow("signing with a " + key.getAlgorithm() + " key (" + alg + ")", e);
        }
    }

    public static void require(PrivateKey key, X509Certificate cert, String keySource, String certSource) {
        if (!matches(key, cert.getPublicKey())) {
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, keySource + ": the private key does not match the"
                    + " certificate in " + certSource + " (" + cert.getSubjectX500Principal().getName() + ")");
        }
    }

    /** The JCA signature algorithm Lanyard uses with a key of this type. */
    public static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
    }
}
