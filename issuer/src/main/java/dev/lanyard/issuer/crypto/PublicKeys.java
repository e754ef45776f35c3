package dev.lanyard.issuer.crypto;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Pem;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;

/** Parses and checks a PKIX public key sent by a client. */
public final class PublicKeys {
    private PublicKeys() {
    }

    public static PublicKey parsePem(String pem, String source) {
        List<Pem.Block> blocks;
        try {
            blocks = pem == null ? List.of() : Pem.decode(pem);
        } catch (IllegalArgumentException e) {
            throw bad(source, e.getMessage());
        }
        if (blocks.size() != 1 || !blocks.get(0).label().equals("PUBLIC KEY")) {
            throw bad(source, "expected exactly one PEM block labelled PUBLIC KEY");
        }
        return fromSpki(blocks.get(0).der(), source);
    }

    public static PublicKey fromSpki(byte[] der, String source) {
        for (String alg : new String[] {"EC", "RSA"}) {
            try {
                return check(KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der)), source);
            } catch (GeneralSecurityException | ClassCastException e) {
                // try the next algorithm
            }
        }
        throw bad(source, "not an EC or RSA public key");
    }

    /** EC P-256/P-384 and RSA of at least 2048 bits are accepted. */
    public static PublicKey check(PublicKey key, String source) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < 2048 || bits > 8192) {
                throw bad(source, "RSA key of " + bits + " bits; use 2048 to 8192 bits");
            }
            return key;
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits != 256 && bits != 384) {
                throw bad(source, "EC key on a " + bits + "-bit curve; use P-256 or P-384");
            }
            return key;
        }
        throw bad(source, "unsupported key algorithm " + key.getAlgorithm());
    }

    private static LanyardException bad(String source, String problem) {
        return new LanyardException(Failure.KEY_OR_CERTIFICATE, source + ": " + problem);
    }
}
