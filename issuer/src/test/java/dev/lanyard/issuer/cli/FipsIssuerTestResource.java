package dev.lanyard.issuer.cli;

import dev.lanyard.common.crypto.CryptoContext;
import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.common.crypto.CryptoProviders;
import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.issuer.crypto.FipsTls;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.server.Initializer;
import dev.lanyard.issuer.server.ServerCredentials;
import dev.lanyard.issuer.server.ca.Passphrase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Does what {@code issuer start --fips --listen 127.0.0.1:0} does before booting, in this (FIPS-only)
 * test JVM: BC-FIPS approved-only first and BCJSSE ahead of SunJSSE, a data dir initialised in FIPS mode,
 * the TLS certificate, and Quarkus configured to bind any free port.
 */
public class FipsIssuerTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String CLUSTER = "fips.test";
    private Path root;

    @Override
    public Map<String, String> start() {
        CryptoContext crypto = CryptoProviders.install(CryptoMode.FIPS);
        FipsTls.install(crypto);
        try {
            root = Files.createTempDirectory("lanyard-fips-test");
            DataDir dir = new DataDir(root.resolve("data"));
            Passphrase pass = Passphrase.resolve(null, Map.of(), dir, crypto.random(), true);
            var init = Initializer.init(dir, TrustDomain.parse(CLUSTER), KeyType.EC_P256, pass, CryptoMode.FIPS,
                    Clock.systemUTC(), crypto.random());
            ServerCredentials.writeServer(dir, init.cluster(), init.hostCa(), "127.0.0.1", List.of(),
                    Clock.systemUTC(), crypto.random());
            return Map.of("lanyard.data-dir", dir.root().toString(), "quarkus.http.test-ssl-port", "0",
                    "quarkus.http.host", "127.0.0.1", "lanyard.password-iterations", "1000",
                    "lanyard.address", "127.0.0.1:0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (root == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary directory
        }
    }
}
