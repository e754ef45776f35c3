package dev.lanyard.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 7914 §11 and §12 test vectors for PBKDF2-HMAC-SHA256 and scrypt, and RFC 6070 for PBKDF2-HMAC-SHA1. */
class KdfVectorsTest {
    static Stream<Arguments> scrypt() {
        return Stream.of(
                Arguments.of("RFC 7914 vector 1", "", "", 16, 1, 1,
                        "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                                + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"),
                Arguments.of("RFC 7914 vector 2", "password", "NaCl", 1024, 8, 16,
                        "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"),
                Arguments.of("RFC 7914 vector 3", "pleaseletmein", "SodiumChloride", 16384, 8, 1,
                        "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                                + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"));
        // vector 4 (N=2^20, 1 GiB) is above Scrypt.MAX_MEMORY on purpose
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scrypt")
    void scryptMatchesRfc7914(String name, String password, String salt, int n, int r, int p, String hex)
            throws GeneralSecurityException {
        byte[] dk = Scrypt.derive(bytes(password), bytes(salt), n, r, p, 64);
        assertArrayEquals(HexFormat.of().parseHex(hex), dk);
    }

    static Stream<Arguments> pbkdf2() {
        return Stream.of(
                Arguments.of("RFC 7914 PBKDF2-HMAC-SHA256 c=1", "HmacSHA256", "passwd", "salt", 1, 64,
                        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"),
                Arguments.of("RFC 7914 PBKDF2-HMAC-SHA256 c=80000", "HmacSHA256", "Password", "NaCl", 80000, 64,
                        "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"),
                Arguments.of("RFC 6070 PBKDF2-HMAC-SHA1 c=4096", "HmacSHA1", "password", "salt", 4096, 20,
                        "4b007901b765489abead49d926f721d065a429c1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pbkdf2")
    void pbkdf2MatchesRfcs(String name, String hmac, String password, String salt, int c, int len, String hex)
            throws GeneralSecurityException {
        assertArrayEquals(HexFormat.of().parseHex(hex), Pbkdf2.derive(hmac, bytes(password), bytes(salt), c, len));
    }

    @Test
    void scryptRefusesHugeOrMalformedParameters() {
        assertThrows(GeneralSecurityException.class, () -> Scrypt.derive(new byte[1], new byte[1], 1 << 20, 8, 1, 32));
        assertThrows(GeneralSecurityException.class, () -> Scrypt.derive(new byte[1], new byte[1], 1000, 8, 1, 32));
        assertThrows(GeneralSecurityException.class, () -> Scrypt.derive(new byte[1], new byte[1], 1024, 0, 1, 32));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
