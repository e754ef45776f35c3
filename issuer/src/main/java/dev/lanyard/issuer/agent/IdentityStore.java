package dev.lanyard.issuer.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.KeyMatch;
import dev.lanyard.common.x509.Pem;
import dev.lanyard.common.x509.PrivateKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bot's {@code storage} directory (0700). The identity (certificate, key, host CA, generation)
 * is one JSON file, {@code identity.json}, 0600, replaced atomically: a crash between two files can
 * never leave a certificate without its key. A renewal response that never arrives leaves the
 * previous identity here, which the issuer still accepts once (see {@code Generations} on the server).
 */
final class IdentityStore {
    static final String FILE = "identity.json";

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    IdentityStore(Path dir) {
        this.dir = dir;
    }

    Path file() {
        return dir.resolve(FILE);
    }

    Optional<BotIdentity> load() {
        Path f = file();
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = json.readTree(Files.readString(f, StandardCharsets.UTF_8));
            var cert = Certificates.parseOne(n.path("certificate").asText().getBytes(StandardCharsets.US_ASCII), f + " certificate");
            var key = PrivateKeys.parse(n.path("key").asText().getBytes(StandardCharsets.US_ASCII), f + " key");
            var hostCa = Certificates.parseOne(n.path("host_ca").asText().getBytes(StandardCharsets.US_ASCII), f + " host_ca");
            KeyMatch.require(key, cert, f + " key", f + " certificate");
            return Optional.of(new BotIdentity(n.path("bot").asText(), n.path("cluster").asText(),
                    n.path("proxy_server").asText(), JoinMethod.parse(n.path("join_method").asText("token"), f.toString()),
                    cert, key, hostCa, n.path("generation").asLong()));
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, f + ": cannot read the bot identity (" + e.getMessage()
                    + "); remove it and join again with a new token");
        } catch (LanyardException e) {
            throw new LanyardException(e.failure(), f + ": the stored bot identity is unusable (" + e.getMessage()
                    + "); remove it and join again with a new token");
        }
    }

    void save(BotIdentity id) {
        AtomicFiles.privateDirectory(dir);
        ObjectNode n = json.createObjectNode();
        n.put("bot", id.bot());
        n.put("cluster", id.cluster());
        n.put("proxy_server", id.proxyServer());
        n.put("join_method", id.joinMethod().id());
        n.put("generation", id.generation());
        n.put("not_after", id.notAfter().toString());
        n.put("certificate", Certificates.toPem(id.certificate()));
        n.put("host_ca", Certificates.toPem(id.hostCa()));
        n.put("key", Pem.encode("PRIVATE KEY", id.key().getEncoded()));
        AtomicFiles.write(file(), n.toPrettyString() + "\n", AtomicFiles.PRIVATE);
    }
}
