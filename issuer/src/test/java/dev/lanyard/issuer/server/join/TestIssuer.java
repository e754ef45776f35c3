package dev.lanyard.issuer.server.join;

import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.resource.ResourceParser;
import dev.lanyard.issuer.server.Caller;
import dev.lanyard.issuer.server.Initializer;
import dev.lanyard.issuer.server.Issuer;
import dev.lanyard.issuer.server.ca.Passphrase;
import dev.lanyard.issuer.wire.BotAddRequest;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A real issuer (CAs, store, services) in a temporary data dir, without HTTP, on an injected clock. */
final class TestIssuer {
    static final String CLUSTER = "example.teleport.sh";
    static final Caller ADMIN = new Caller(Caller.Type.ADMIN, "admin");

    private TestIssuer() {
    }

    static Issuer open(Path dataDir, Clock clock) {
        DataDir dir = new DataDir(dataDir);
        SecureRandom random = new SecureRandom();
        Passphrase p = Passphrase.resolve(null, Map.of(), dir, random, true);
        Initializer.init(dir, new TrustDomain(CLUSTER), KeyType.EC_P256, p, clock, random);
        return Issuer.open(new Issuer.Settings(dir, p.value(), clock, random, 1000));
    }

    /** A role allowing {@code path}, and a bot holding it; returns the bot's first join token. */
    static String botWithRole(Issuer issuer, String bot, String path) {
        String role = "role-" + bot;
        issuer.resources().put(ADMIN, ResourceParser.parse(Map.of("kind", "role", "version", "v6",
                "metadata", Map.of("name", role),
                "spec", Map.of("allow", Map.of("spiffe", List.of(Map.of("path", path)))) ), "role"), true);
        return issuer.enroll().addBot(ADMIN, new BotAddRequest(bot, List.of(role), null)).token();
    }
}
