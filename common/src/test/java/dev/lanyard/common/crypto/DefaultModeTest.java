package dev.lanyard.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.testing.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Default mode: the JDK's providers, untouched, and no BouncyCastle class loaded. */
class DefaultModeTest extends CryptoModeContract {
    static final CryptoContext CONTEXT = CryptoProviders.install(CryptoMode.DEFAULT);

    @Override
    CryptoContext context() {
        return CONTEXT;
    }

    @Test
    void leavesTheJdkProvidersAlone() {
        List<String> before = Arrays.stream(Security.getProviders()).map(Provider::getName).toList();
        CryptoContext ctx = CryptoProviders.install(CryptoMode.DEFAULT);
        assertEquals(before, Arrays.stream(Security.getProviders()).map(Provider::getName).toList());
        assertEquals(CryptoMode.DEFAULT, ctx.mode());
        assertFalse(ctx.fips());
        assertNull(ctx.provider());
        assertNull(ctx.tlsProvider());
        assertEquals("PKCS12", ctx.keyStoreType());
        assertEquals(CryptoMode.DEFAULT, CryptoProviders.active());
    }

    @Test
    void defaultModeDoesNotCheckFipsPolicy() {
        CONTEXT.requireApproved(TestPki.key("RSA-1024").getPublic(), "legacy.pem");
    }

    /** The signer's fast path: parse, sign and validate in a fresh JVM and look for BouncyCastle class loads. */
    @Test
    void loadsNoBouncyCastleClass() throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xshare:auto", "-Xlog:class+load=info", "-cp", classPath,
                DefaultModeProbe.class.getName()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output.lines().filter(l -> !l.contains("[class,load]")).toList().toString());
        assertTrue(output.contains("probe ok"), "probe ran");
        assertTrue(output.contains("dev.lanyard.common.crypto.CryptoProviders"), "class loading was logged");
        List<String> bouncy = output.lines().filter(l -> l.contains("org.bouncycastle")).limit(3).toList();
        assertEquals(List.of(), bouncy);
    }
}
