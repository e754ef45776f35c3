import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

/** The JDK's own ECDSA P-256 sign rate in this JVM (one thread, after 2 s of warm-up). */
final class JcaSignRate {
    private JcaSignRate() {
    }

    static void measure(double seconds) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        PrivateKey key = gen.generateKeyPair().getPrivate();
        byte[] tbs = new byte[400];
        Signature sig = Signature.getInstance("SHA256withECDSA");
        long n = 0;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        long start = 0;
        long end = 0;
        for (long now = System.nanoTime(); ; now = System.nanoTime()) {
            if (start == 0 && now >= warmEnd) {
                start = now;
                end = now + (long) (seconds * 1e9);
            }
            if (start != 0 && now >= end) {
                break;
            }
            sig.initSign(key);
            sig.update(tbs);
            sig.sign();
            if (start != 0) {
                n++;
            }
        }
        System.out.printf(Locale.ROOT, "JCASIGN rate=%.1f provider=%s%n", n / seconds, sig.getProvider().getName());
    }
}
