package dev.lanyard.common.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Pem.encode}: RFC 7468 text with 64-character base64 lines, read back by {@code Pem.decode}. */
class PemEncodeTest {
    @Test
    void exactText() {
        assertEquals("-----BEGIN TEST-----\nAQID\n-----END TEST-----\n", Pem.encode("TEST", new byte[] {1, 2, 3}));
        assertEquals("-----BEGIN TEST-----\n-----END TEST-----\n", Pem.encode("TEST", new byte[0]));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 2, 3, 47, 48, 49, 96, 500, 1234})
    void linesOf64AndRoundTrip(int length) {
        byte[] der = new byte[length];
        new Random(length).nextBytes(der);
        String text = Pem.encode("CERTIFICATE", der);
        assertTrue(text.endsWith("\n"), text);
        List<String> lines = text.lines().toList();
        assertEquals("-----BEGIN CERTIFICATE-----", lines.getFirst());
        assertEquals("-----END CERTIFICATE-----", lines.getLast());
        List<String> body = lines.subList(1, lines.size() - 1);
        for (int i = 0; i < body.size() - 1; i++) {
            assertEquals(64, body.get(i).length(), text);
        }
        assertTrue(body.getLast().length() <= 64 && !body.getLast().isEmpty(), text);
        assertEquals(Base64.getEncoder().encodeToString(der), String.join("", body));
        List<Pem.Block> blocks = Pem.decode(text);
        assertEquals(1, blocks.size());
        assertEquals("CERTIFICATE", blocks.getFirst().label());
        assertArrayEquals(der, blocks.getFirst().der());
    }
}
