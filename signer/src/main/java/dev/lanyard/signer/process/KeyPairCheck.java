package dev.lanyard.signer.process;

import dev.lanyard.common.x509.Der;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;

/**
 * Does the private key belong to the certificate, decided without a signature where the key says so:
 * an RSA key carries its modulus (and a CRT key its public exponent); an EC key written by OpenSSL,
 * SPIRE or Teleport carries its public point in the optional SEC1 {@code [1] publicKey} field. When
 * that field is absent the answer is {@link Result#UNKNOWN} and the caller verifies its first signature.
 */
final class KeyPairCheck {
    enum Result { MATCH, MISMATCH, UNKNOWN }

    private KeyPairCheck() {
    }

    static Result check(PrivateKey key, X509Certificate cert) {
        try {
            if (key instanceof RSAPrivateKey rsa && cert.getPublicKey() instanceof RSAPublicKey pub) {
                boolean same = rsa.getModulus().equals(pub.getModulus())
                        && (!(rsa instanceof RSAPrivateCrtKey crt) || crt.getPublicExponent().equals(pub.getPublicExponent()));
                return same ? Result.MATCH : Result.MISMATCH;
            }
            if (key.getAlgorithm().equals("EC") && cert.getPublicKey().getAlgorithm().equals("EC")) {
                byte[] embedded = embeddedEcPoint(key.getEncoded());
                if (embedded == null) {
                    return Result.UNKNOWN;
                }
                byte[] certPoint = Der.read(cert.getPublicKey().getEncoded(), 0).children().get(1).value();
                return Arrays.equals(embedded, certPoint) ? Result.MATCH : Result.MISMATCH;
            }
        } catch (RuntimeException e) {
            return Result.UNKNOWN;
        }
        return Result.UNKNOWN;
    }

    /** The BIT STRING content (unused-bits byte + point) of SEC1 {@code [1] publicKey}, or null. */
    static byte[] embeddedEcPoint(byte[] pkcs8) {
        if (pkcs8 == null) {
            return null;
        }
        List<Der.Tlv> top = Der.read(pkcs8, 0).children();
        byte[] sec1 = top.get(2).value();
        for (Der.Tlv t : Der.read(sec1, 0).children()) {
            if (t.tag() == 0xa1) {
                Der.Tlv bits = Der.read(t.value(), 0);
                return bits.tag() == Der.BIT_STRING ? bits.value() : null;
            }
        }
        return null;
    }
}
