package dev.lanyard.common.testing;

import dev.lanyard.common.x509.CertificateSigner;
import dev.lanyard.common.x509.CertificateTemplate;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test fixture builder: keys and certificates generated at test time. Keys are cached per JVM (RSA
 * 4096 takes a while); every certificate is valid around the fixed instant {@link #NOW}.
 */
public final class TestPki {
    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    public static final java.time.Clock CLOCK = java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC);
    public static final Instant NOT_BEFORE = NOW.minus(Duration.ofDays(1));
    public static final Instant NOT_AFTER = NOW.plus(Duration.ofDays(30));
    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();
    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestPki() {
    }

    /**
     * A key pair by name: {@code RSA-2048}, {@code RSA-3072}, {@code RSA-4096}, {@code EC-P256},
     * {@code EC-P384}, {@code EC-P521}, {@code ML-DSA-44}, {@code ML-DSA-65}, {@code ML-DSA-87},
     * {@code Ed25519}; a suffix such as {@code EC-P256#2} gives another key of the same kind.
     */
    public static KeyPair key(String name) {
        return KEYS.computeIfAbsent(name, TestPki::generate);
    }

    private static KeyPair generate(String name) {
        String kind = name.contains("#") ? name.substring(0, name.indexOf('#')) : name;
        try {
            if (kind.startsWith("RSA-")) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(Integer.parseInt(kind.substring(4)));
                return g.generateKeyPair();
            }
            if (kind.startsWith("EC-P")) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp" + kind.substring(4) + "r1"));
                return g.generateKeyPair();
            }
            return KeyPairGenerator.getInstance(kind).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate " + name, e);
        }
    }

    public static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    public static CertificateTemplate.Builder caTemplate(String cn, KeyPair key) {
        return CertificateTemplate.ca("CN=" + cn + ",O=Lanyard Test", key.getPublic(), serial(), NOT_BEFORE, NOT_AFTER);
    }

    public static CertificateTemplate.Builder leafTemplate(String spiffeId, KeyPair key) {
        return CertificateTemplate.leaf("CN=leaf,O=Lanyard Test", key.getPublic(), serial(), NOT_BEFORE, NOT_AFTER)
                .uri(spiffeId);
    }

    public static X509Certificate selfSigned(CertificateTemplate.Builder template, KeyPair key) {
        return CertificateSigner.selfSign(template.build(), key.getPrivate());
    }

    public static X509Certificate issue(CertificateTemplate.Builder template, X509Certificate issuer, KeyPair issuerKey) {
        return CertificateSigner.sign(template.build(), issuer, issuerKey.getPrivate());
    }

    /** A root CA → intermediate CA → SPIFFE leaf chain, all EC P-256 unless keys are given. */
    public record Chain(KeyPair rootKey, X509Certificate root, KeyPair intermediateKey, X509Certificate intermediate,
                        KeyPair leafKey, X509Certificate leaf) {
    }

    public static Chain chain(String leafKeyName) {
        KeyPair rootKey = key("EC-P256#root");
        KeyPair intKey = key("EC-P256#intermediate");
        KeyPair leafKey = key(leafKeyName);
        X509Certificate root = selfSigned(caTemplate("Root CA", rootKey), rootKey);
        X509Certificate intermediate = issue(caTemplate("Intermediate CA", intKey), root, rootKey);
        X509Certificate leaf = issue(leafTemplate("spiffe://example.org/svc/test", leafKey), intermediate, intKey);
        return new Chain(rootKey, root, intKey, intermediate, leafKey, leaf);
    }
}
