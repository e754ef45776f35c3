package dev.lanyard.issuer.server.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.lanyard.common.x509.Der;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hot-path DER writer encodes every length form exactly as {@code Der.encode}. */
class CertificateSignerTest {
    @ParameterizedTest(name = "{0} content bytes")
    @ValueSource(ints = {0, 1, 127, 128, 255, 256, 65535, 65536, 70000})
    void tlvMatchesDerEncode(int length) {
        byte[] a = new byte[length / 3];
        byte[] b = new byte[length - a.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        assertArrayEquals(Der.encode(Der.SEQUENCE, a, b), CertificateSigner.tlv(Der.SEQUENCE, a, b));
    }
}
