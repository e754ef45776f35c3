package dev.lanyard.issuer.server.api;

import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.server.Issuer;
import dev.lanyard.issuer.server.ca.Passphrase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Opens the {@link Issuer} from the data dir named in configuration ({@code lanyard.data-dir}). */
@ApplicationScoped
public class IssuerProducer {
    @ConfigProperty(name = "lanyard.data-dir")
    String dataDir;

    @ConfigProperty(name = "lanyard.ca-passphrase-file")
    Optional<String> passphraseFile;

    @ConfigProperty(name = "lanyard.password-iterations", defaultValue = "600000")
    int passwordIterations;

    @Produces
    @Singleton
    Issuer issuer() {
        DataDir dir = new DataDir(Path.of(dataDir));
        SecureRandom random = new SecureRandom();
        Passphrase passphrase = Passphrase.resolve(passphraseFile.map(Path::of).orElse(null), System.getenv(), dir,
                random, false);
        return Issuer.open(new Issuer.Settings(dir, passphrase.value(), Clock.systemUTC(), random,
                passwordIterations));
    }

    void close(@Disposes Issuer issuer) {
        issuer.close();
    }
}
