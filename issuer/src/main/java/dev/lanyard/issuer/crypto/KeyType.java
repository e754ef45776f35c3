package dev.lanyard.issuer.crypto;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

/** Key types for CAs and for locally generated SVID and identity keys. */
public enum KeyType {
    EC_P256("ec"),
    RSA_2048("rsa-2048"),
    RSA_3072("rsa-3072");

    private final String label;

    KeyType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts {@code ec}, {@code ec-p256}, {@code rsa} (2048), {@code rsa-2048}, {@code rsa-3072}. */
    public static KeyType parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "ec", "ec-p256", "p256", "ecdsa" -> EC_P256;
            case "rsa", "rsa-2048", "rsa2048" -> RSA_2048;
            case "rsa-3072", "rsa3072" -> RSA_3072;
            default -> throw new LanyardException(Failure.INVALID_INPUT, "unknown key type '" + text
                    + "'; use ec, rsa-2048 or rsa-3072");
        };
    }

    public KeyPair generate(SecureRandom random) {
        try {
            if (this == EC_P256) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"), random);
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(this == RSA_2048 ? 2048 : 3072, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new LanyardException(Failure.INTERNAL, "cannot generate a " + label + " key: " + e.getMessage(), e);
        }
    }

    /** The signature algorithm a CA key of this type signs with. */
    public static String signatureAlgorithm(java.security.PrivateKey key) {
        return key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    }
}
