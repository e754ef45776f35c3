package dev.lanyard.issuer.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.common.x509.Pem;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The issuance path's PEM writer gives exactly the text of {@code Pem.encode}. */
class CertificatePemTest {
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 2, 3, 47, 48, 49, 96, 500, 1234})
    void sameTextAsPemEncode(int length) {
        byte[] der = new byte[length];
        new Random(length).nextBytes(der);
        assertEquals(Pem.encode("CERTIFICATE", der), SvidService.certificatePem(der));
    }
}
