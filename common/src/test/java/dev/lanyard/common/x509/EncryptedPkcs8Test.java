package dev.lanyard.common.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.testing.Openssl;
import dev.lanyard.common.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every PBES2 variant: written by openssl or by the JDK, read by {@link EncryptedPkcs8}. */
class EncryptedPkcs8Test {
    static final KeyPair KEY = TestPki.key("EC-P256");
    static final String PASSWORD = KeyFormats.PASSWORD;

    static Stream<Arguments> opensslVariants() {
        List<Arguments> rows = new ArrayList<>();
        for (String prf : List.of("hmacWithSHA1", "hmacWithSHA256", "hmacWithSHA384", "hmacWithSHA512")) {
            for (String cipher : List.of("aes-128-cbc", "aes-192-cbc", "aes-256-cbc")) {
                rows.add(Arguments.of("PBKDF2 " + prf + " " + cipher, List.of("-v2", cipher, "-v2prf", prf)));
            }
        }
        rows.add(Arguments.of("PBKDF2 hmacWithSHA256 des-ede3-cbc", List.of("-v2", "des-ede3-cbc", "-v2prf", "hmacWithSHA256")));
        rows.add(Arguments.of("PBKDF2 one iteration", List.of("-v2", "aes-256-cbc", "-iter", "1")));
        rows.add(Arguments.of("scrypt default parameters aes-256-cbc", List.of("-scrypt")));
        rows.add(Arguments.of("scrypt N=1024 r=8 p=2 aes-128-cbc",
                List.of("-v2", "aes-128-cbc", "-scrypt", "-scrypt_N", "1024", "-scrypt_r", "8", "-scrypt_p", "2")));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("opensslVariants")
    void readsOpensslEncryptedKeys(String name, List<String> options) {
        byte[] pkcs8Pem = Pem.encode("PRIVATE KEY", KEY.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII);
        List<String> args = new ArrayList<>(List.of("pkcs8", "-topk8", "-passout", "pass:" + PASSWORD));
        args.addAll(options);
        byte[] encrypted = Openssl.run(pkcs8Pem, args.toArray(String[]::new));
        assertReads(encrypted);
        assertWrongPasswordRefused(encrypted);
    }

    static Stream<String> jdkVariants() {
        List<String> rows = new ArrayList<>();
        for (String hash : List.of("SHA1", "SHA224", "SHA256", "SHA384", "SHA512")) {
            for (String aes : List.of("AES_128", "AES_256")) {
                rows.add("PBEWithHmac" + hash + "And" + aes);
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdkVariants")
    void readsJdkEncryptedKeys(String algorithm) {
        byte[] der = KeyFormats.jdkEncrypt(KEY.getPrivate().getEncoded(), algorithm);
        assertReads(Pem.encode("ENCRYPTED PRIVATE KEY", der).getBytes(StandardCharsets.US_ASCII));
        assertReads(der);
    }

    @Test
    void emptyPasswordIsAPassword() {
        byte[] pkcs8Pem = Pem.encode("PRIVATE KEY", KEY.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII);
        byte[] encrypted = Openssl.run(pkcs8Pem, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout", "pass:");
        PrivateKey key = PrivateKeys.parse(encrypted, "svid_key.pem", new char[0]);
        assertTrue(KeyMatch.matches(key, KEY.getPublic()));
    }

    @Test
    void legacyPkcs12SchemeGoesThroughTheJdk() {
        byte[] pkcs8Pem = Pem.encode("PRIVATE KEY", KEY.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII);
        byte[] encrypted = Openssl.run(pkcs8Pem, "pkcs8", "-topk8", "-v1", "PBE-SHA1-3DES", "-passout", "pass:" + PASSWORD);
        assertReads(encrypted);
        assertWrongPasswordRefused(encrypted);
    }

    private static void assertReads(byte[] encrypted) {
        PrivateKey key = PrivateKeys.parse(encrypted, "svid_key.pem", PASSWORD.toCharArray());
        assertTrue(KeyMatch.matches(key, KEY.getPublic()), "decrypted key matches");
    }

    private static void assertWrongPasswordRefused(byte[] encrypted) {
        LanyardException e = assertThrows(LanyardException.class,
                () -> PrivateKeys.parse(encrypted, "svid_key.pem", "not the password".toCharArray()));
        assertEquals("svid_key.pem: cannot decrypt the encrypted PKCS#8 key: wrong --pkcs8-password?", e.getMessage());
    }
}
