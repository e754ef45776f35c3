package dev.lanyard.signer.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The provider-free SHA-256 of the cache key equals the JDK's on every length around the block edges. */
class Sha256Test {
    @Test
    void equalsTheJdkDigest() throws Exception {
        Random random = new Random(42);
        for (int len = 0; len < 300; len++) {
            byte[] data = new byte[len];
            random.nextBytes(data);
            Sha256 ours = new Sha256();
            ours.update(data, 0, len / 3);
            ours.update(data, len / 3, len - len / 3);
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), ours.digest(), "length " + len);
        }
    }
}
