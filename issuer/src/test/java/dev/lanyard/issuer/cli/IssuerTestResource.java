package dev.lanyard.issuer.cli;

import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.server.Initializer;
import dev.lanyard.issuer.server.ServerCredentials;
import dev.lanyard.issuer.server.ca.Passphrase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Does what {@code issuer start} does before booting: initialise a data dir (generated passphrase),
 * write the TLS certificate and the listen address, and hand Quarkus the configuration.
 */
public class IssuerTestResource implements QuarkusTestResourceLifecycleManager {
    private Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("lanyard-issuer-test");
            DataDir dir = new DataDir(root.resolve("data"));
            SecureRandom random = new SecureRandom();
            Passphrase pass = Passphrase.resolve(null, Map.of(), dir, random, true);
            var init = Initializer.init(dir, TrustDomain.parse("example.test"), KeyType.EC_P256, pass,
                    Clock.systemUTC(), random);
            ServerCredentials.writeServer(dir, init.cluster(), init.hostCa(), "127.0.0.1", List.of(),
                    Clock.systemUTC(), random);
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            AtomicFiles.write(dir.address(), "127.0.0.1:" + port + "\n", AtomicFiles.PUBLIC);
            return Map.of("lanyard.data-dir", dir.root().toString(), "quarkus.http.test-ssl-port",
                    Integer.toString(port), "quarkus.http.host", "127.0.0.1", "lanyard.password-iterations", "1000");
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
