package dev.lanyard.common.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrivateKeysTest {
    static final List<String> COMMON = List.of("PKCS#8 PEM", "PKCS#8 DER", "encrypted PKCS#8 PEM (JDK)",
            "PKCS#12 (JDK)", "PKCS#12 empty password (JDK)", "key and certificate PEM");
    static final List<String> OPENSSL = List.of("encrypted PKCS#8 PEM", "encrypted PKCS#8 DER", "PKCS#12 (openssl)",
            "PKCS#12 empty password (openssl)");

    static Stream<Arguments> keysAndFormats() {
        List<Arguments> rows = new ArrayList<>();
        for (String key : List.of("RSA-2048", "RSA-3072", "RSA-4096")) {
            addRows(rows, key, COMMON, OPENSSL, List.of("PKCS#1 PEM", "PKCS#1 DER"));
        }
        for (String key : List.of("EC-P256", "EC-P384", "EC-P521")) {
            addRows(rows, key, COMMON, OPENSSL, List.of("SEC1 PEM", "SEC1 DER"));
        }
        // openssl 3.0 predates ML-DSA: the JDK writes these formats
        for (String key : List.of("ML-DSA-44", "ML-DSA-65", "ML-DSA-87")) {
            addRows(rows, key, COMMON);
        }
        addRows(rows, "Ed25519", List.of("PKCS#8 PEM", "PKCS#8 DER"));
        return rows.stream();
    }

    @SafeVarargs
    private static void addRows(List<Arguments> rows, String key, List<String>... formats) {
        for (List<String> list : formats) {
            for (String format : list) {
                rows.add(Arguments.of(key + ", " + format, key, format));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysAndFormats")
    void readsEveryFormat(String name, String keyName, String format) {
        KeyPair key = TestPki.key(keyName);
        byte[] file = KeyFormats.write(key, format);
        char[] password = format.contains("empty password") ? new char[0]
                : format.contains("encrypted") || format.contains("PKCS#12") ? KeyFormats.PASSWORD.toCharArray() : null;
        PrivateKey parsed = PrivateKeys.parse(file, "svid_key.pem", password);
        assertTrue(KeyMatch.matches(parsed, key.getPublic()), "parsed key signs for the original public key");
        assertEquals(key.getPrivate().getAlgorithm(), parsed.getAlgorithm());
    }

    @Test
    void opensslEcparamOutputWithParametersBlockFirst() {
        byte[] pem = dev.lanyard.common.testing.Openssl.run(new byte[0], "ecparam", "-name", "secp384r1", "-genkey");
        assertTrue(new String(pem, java.nio.charset.StandardCharsets.US_ASCII).startsWith("-----BEGIN EC PARAMETERS-----"));
        assertEquals("EC", PrivateKeys.parse(pem, "ec.pem").getAlgorithm());
    }

    @Test
    void pkcs12ReaderReturnsKeyAndChain() {
        KeyPair key = TestPki.key("EC-P256");
        byte[] p12 = KeyFormats.opensslPkcs12(key, KeyFormats.PASSWORD);
        Pkcs12.Entry entry = Pkcs12.read(p12, "svid.p12", KeyFormats.PASSWORD.toCharArray());
        KeyMatch.require(entry.key(), entry.leaf(), "svid.p12", "svid.p12");
        assertEquals(1, entry.chain().size());
        assertEquals(List.of("spiffe://example.org/svc/key"), SvidProfile.uriSans(entry.leaf()));
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("empty file", "empty.pem", null,
                        "empty.pem: file is empty; expected a PEM or DER private key"),
                Arguments.of("not PEM, not DER", "not-pem.txt", null,
                        "not-pem.txt: not a private key (tried PEM and DER PKCS#8, encrypted PKCS#8, PKCS#1, SEC1,"
                                + " PKCS#12); give a PEM file with a PRIVATE KEY block"),
                Arguments.of("corrupted base64", "corrupted-base64.pem", null,
                        "corrupted-base64.pem: PEM block \"PRIVATE KEY\" is not valid base64"),
                Arguments.of("truncated PKCS#8", "truncated-pkcs8.pem", null,
                        "truncated-pkcs8.pem: not a valid PKCS#8 private key (truncated or corrupted DER); export the"
                                + " key again"),
                Arguments.of("encrypted without password", "encrypted-pkcs8-password-is-correct-horse.pem", null,
                        "encrypted-pkcs8-password-is-correct-horse.pem: encrypted PKCS#8 needs --pkcs8-password"),
                Arguments.of("encrypted with wrong password", "encrypted-pkcs8-password-is-correct-horse.pem",
                        "wrong horse", "encrypted-pkcs8-password-is-correct-horse.pem: cannot decrypt the encrypted"
                                + " PKCS#8 key: wrong --pkcs8-password?"),
                Arguments.of("legacy encrypted PEM", "legacy-encrypted-rsa.pem", null,
                        "legacy-encrypted-rsa.pem: legacy encrypted PEM (Proc-Type header) is not supported; convert"
                                + " it with: openssl pkcs8 -topk8"),
                Arguments.of("certificate instead of key", "mismatched-cert.pem", null,
                        "mismatched-cert.pem: holds certificates but no private key (looked for PRIVATE KEY, EC PRIVATE"
                                + " KEY, RSA PRIVATE KEY, ENCRYPTED PRIVATE KEY); give the key file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFilesFailWithOneClearLine(String name, String file, String password, String message) throws IOException {
        byte[] data = resource(file);
        LanyardException e = assertThrows(LanyardException.class,
                () -> PrivateKeys.parse(data, file, password == null ? null : password.toCharArray()));
        assertEquals(message, e.getMessage());
        assertEquals(Failure.KEY_OR_CERTIFICATE, e.failure());
    }

    @Test
    void committedEncryptedKeyOpensWithItsPassword() throws IOException {
        PrivateKey key = PrivateKeys.parse(resource("encrypted-pkcs8-password-is-correct-horse.pem"), "k.pem",
                "correct horse".toCharArray());
        assertEquals("EC", key.getAlgorithm());
    }

    @Test
    void mismatchedKeyAndCertificate() throws IOException {
        PrivateKey key = PrivateKeys.parse(resource("mismatched-key.pem"), "mismatched-key.pem");
        var cert = Certificates.parseOne(resource("mismatched-cert.pem"), "mismatched-cert.pem");
        LanyardException e = assertThrows(LanyardException.class,
                () -> KeyMatch.require(key, cert, "mismatched-key.pem", "mismatched-cert.pem"));
        assertEquals("mismatched-key.pem: the private key does not match the certificate in mismatched-cert.pem"
                + " (CN=cert for another key)", e.getMessage());
    }

    @Test
    void derCertificateGivenAsKey() {
        byte[] der = Certificates.der(KeyFormats.certificate(TestPki.key("EC-P256")));
        LanyardException e = assertThrows(LanyardException.class, () -> PrivateKeys.parse(der, "svid.der"));
        assertEquals("svid.der: not a private key (tried PEM and DER PKCS#8, encrypted PKCS#8, PKCS#1, SEC1, PKCS#12);"
                + " is this a certificate?", e.getMessage());
    }

    @Test
    void pkcs12WithWrongPassword() {
        byte[] p12 = KeyFormats.opensslPkcs12(TestPki.key("EC-P256"), KeyFormats.PASSWORD);
        LanyardException e = assertThrows(LanyardException.class,
                () -> Pkcs12.read(p12, "svid.p12", "nope".toCharArray()));
        assertEquals("svid.p12: cannot open the PKCS#12 file: wrong password?", e.getMessage());
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PrivateKeysTest.class.getResourceAsStream("/keys/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /keys/" + name);
            }
            return in.readAllBytes();
        }
    }
}
