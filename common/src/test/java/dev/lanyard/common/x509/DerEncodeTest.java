package dev.lanyard.common.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code Der.encode}: every length form, the parts in order, read back by {@code Der.read}. */
class DerEncodeTest {
    @ParameterizedTest(name = "{0} content bytes")
    @CsvSource({"0, 00", "1, 01", "127, 7f", "128, 8180", "255, 81ff", "256, 820100", "65535, 82ffff",
            "65536, 83010000", "70000, 83011170"})
    void lengthFormAndContent(int length, String lengthOctets) {
        byte[] a = new byte[length / 3];
        byte[] b = new byte[length - a.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        byte[] out = Der.encode(Der.SEQUENCE, a, b);
        byte[] header = java.util.HexFormat.of().parseHex("30" + lengthOctets);
        assertArrayEquals(header, Arrays.copyOf(out, header.length));
        assertEquals(header.length + length, out.length);
        Der.Tlv read = Der.read(out, 0);
        assertEquals(Der.SEQUENCE, read.tag());
        assertEquals(out.length, read.encodedLength());
        byte[] content = new byte[length];
        System.arraycopy(a, 0, content, 0, a.length);
        System.arraycopy(b, 0, content, a.length, b.length);
        assertArrayEquals(content, read.value());
    }
}
