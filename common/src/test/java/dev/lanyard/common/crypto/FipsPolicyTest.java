package dev.lanyard.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.testing.TestPki;
import dev.lanyard.common.x509.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The FIPS policy itself is pure: it is checked here in the default-mode JVM, with keys FIPS mode cannot make. */
class FipsPolicyTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RSA-2048", "RSA-3072", "RSA-4096", "EC-P256", "EC-P384", "EC-P521", "ML-DSA-44",
            "ML-DSA-65", "ML-DSA-87", "Ed25519"})
    void approvedKeys(String keyName) {
        KeyPair key = TestPki.key(keyName);
        FipsPolicy.check(key.getPublic());
        FipsPolicy.check(TestPki.selfSigned(TestPki.caTemplate(keyName, key), key));
    }

    static Stream<Arguments> refused() throws IOException {
        KeyPair rsa1024 = TestPki.key("RSA-1024");
        KeyPair rsa2048 = TestPki.key("RSA-2048");
        X509Certificate sha1 = TestPki.selfSigned(TestPki.caTemplate("SHA1 CA", rsa2048).signatureAlgorithm("SHA1withRSA"),
                rsa2048);
        X509Certificate md5 = TestPki.selfSigned(TestPki.caTemplate("MD5 CA", rsa2048).signatureAlgorithm("MD5withRSA"),
                rsa2048);
        KeyPair ec = TestPki.key("EC-P256");
        X509Certificate ecdsaSha1 = TestPki.selfSigned(TestPki.caTemplate("ECDSA SHA1 CA", ec)
                .signatureAlgorithm("SHA1withECDSA"), ec);
        X509Certificate weakKey = TestPki.selfSigned(TestPki.caTemplate("RSA1024 CA", rsa1024), rsa1024);
        return Stream.of(
                Arguments.of("RSA 1024-bit key", (Runnable) () -> FipsPolicy.check(rsa1024.getPublic(), "old.pem"),
                        "old.pem: RSA 1024-bit key is not approved in FIPS mode; use RSA 2048 bits or more"),
                Arguments.of("secp256k1 key", (Runnable) () -> FipsPolicy.check(secp256k1(), "k1.pem"),
                        "k1.pem: EC curve 1.3.132.0.10 is not approved in FIPS mode; use P-256, P-384 or P-521"),
                Arguments.of("X25519 key", (Runnable) () -> FipsPolicy.check(TestPki.key("X25519").getPublic(), "x.pem"),
                        "x.pem: XDH keys are not approved in FIPS mode; use RSA (2048+), EC (P-256, P-384, P-521) or ML-DSA"),
                Arguments.of("SHA-1 RSA signature", (Runnable) () -> FipsPolicy.check(sha1, "ca.pem"),
                        "ca.pem (CN=SHA1 CA,O=Lanyard Test): signature algorithm SHA1withRSA is not approved in FIPS mode;"
                                + " re-issue the certificate with SHA-256 or stronger"),
                Arguments.of("MD5 RSA signature", (Runnable) () -> FipsPolicy.check(md5, "ca.pem"),
                        "ca.pem (CN=MD5 CA,O=Lanyard Test): signature algorithm MD5withRSA is not approved in FIPS mode;"
                                + " re-issue the certificate with SHA-256 or stronger"),
                Arguments.of("SHA-1 ECDSA signature", (Runnable) () -> FipsPolicy.check(ecdsaSha1, "ca.pem"),
                        "ca.pem (CN=ECDSA SHA1 CA,O=Lanyard Test): signature algorithm SHA1withECDSA is not approved in"
                                + " FIPS mode; re-issue the certificate with SHA-256 or stronger"),
                Arguments.of("certificate with an RSA 1024-bit key", (Runnable) () -> FipsPolicy.check(weakKey, "ca.pem"),
                        "ca.pem (CN=RSA1024 CA,O=Lanyard Test): RSA 1024-bit key is not approved in FIPS mode; use RSA"
                                + " 2048 bits or more"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWithNotApproved(String name, Runnable check, String message) {
        LanyardException e = assertThrows(LanyardException.class, check::run);
        assertEquals(message, e.getMessage());
        assertEquals(Failure.NOT_APPROVED, e.failure());
    }

    @Test
    void explicitCurveParametersAreRefused() {
        LanyardException e = assertThrows(LanyardException.class, () -> FipsPolicy.check(rawKey("EC",
                dev.lanyard.common.x509.Der.encode(0x30, dev.lanyard.common.x509.Der.encode(0x30,
                        dev.lanyard.common.x509.Der.oidElement("1.2.840.10045.2.1"),
                        dev.lanyard.common.x509.Der.encode(0x30)), new byte[] {3, 1, 0})), "explicit.pem"));
        assertEquals("explicit.pem: EC curve (explicit parameters) is not approved in FIPS mode; use P-256, P-384 or"
                + " P-521", e.getMessage());
    }

    /** A secp256k1 public key written by openssl; the JDK no longer has that curve, so it is wrapped raw. */
    static PublicKey secp256k1() {
        try (InputStream in = FipsPolicyTest.class.getResourceAsStream("/keys/secp256k1-public.pem")) {
            byte[] spki = Pem.decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).get(0).der();
            return rawKey("EC", spki);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static PublicKey rawKey(String algorithm, byte[] spki) {
        return new PublicKey() {
            @Override
            public String getAlgorithm() {
                return algorithm;
            }

            @Override
            public String getFormat() {
                return "X.509";
            }

            @Override
            public byte[] getEncoded() {
                return spki.clone();
            }
        };
    }
}
