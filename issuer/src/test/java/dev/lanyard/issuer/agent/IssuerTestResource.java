package dev.lanyard.issuer.agent;

import dev.lanyard.common.spiffe.TrustDomain;
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
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A real issuer for the bot's end-to-end tests: a data dir initialised the way {@code issuer start}
 * does it (CAs, admin identity, TLS certificate for 127.0.0.1), served by the Quarkus application
 * over HTTPS on a free port.
 */
public class IssuerTestResource implements QuarkusTestResourceLifecycleManager {
    static final String CLUSTER = "example.teleport.sh";

    @Override
    public Map<String, String> start() {
        try {
            Path root = Files.createTempDirectory("lanyard-bot-it-");
            DataDir dir = new DataDir(root.resolve("issuer"));
            SecureRandom random = new SecureRandom();
            Passphrase p = Passphrase.resolve(null, Map.of(), dir, random, true);
            Initializer.Result r = Initializer.init(dir, TrustDomain.parse(CLUSTER), KeyType.EC_P256, p,
                    Clock.systemUTC(), random);
            ServerCredentials.writeServer(dir, r.cluster(), r.hostCa(), "127.0.0.1", List.of(), Clock.systemUTC(),
                    random);
            return Map.of("lanyard.data-dir", dir.root().toString(), "quarkus.http.test-ssl-port", "0",
                    "quarkus.http.host", "127.0.0.1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the temporary data dir is left for inspection; it is small
    }
}
