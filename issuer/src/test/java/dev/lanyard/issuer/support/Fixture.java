package dev.lanyard.issuer.support;

import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.resource.ResourceParser;
import dev.lanyard.issuer.server.Caller;
import dev.lanyard.issuer.server.Initializer;
import dev.lanyard.issuer.server.Issuer;
import dev.lanyard.issuer.server.ca.Passphrase;
import dev.lanyard.issuer.wire.PasswordRequest;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;

/** An initialised data dir and an {@link Issuer} on a hand-moved clock, without HTTP. */
public final class Fixture implements AutoCloseable {
    public static final String CLUSTER = "example.test";
    public static final String PASSPHRASE = "test passphrase 1234";
    public static final Caller ADMIN = new Caller(Caller.Type.ADMIN, "admin");

    public final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    public final DataDir dir;
    public final Initializer.Result init;
    public Issuer issuer;

    public Fixture(Path root, KeyType keyType) {
        this.dir = new DataDir(root);
        this.init = Initializer.init(dir, TrustDomain.parse(CLUSTER), keyType, passphrase(), clock, new SecureRandom());
        this.issuer = open();
    }

    public static Passphrase passphrase() {
        return new Passphrase(PASSPHRASE.toCharArray(), null);
    }

    public Issuer open() {
        return Issuer.open(new Issuer.Settings(dir, PASSPHRASE.toCharArray(), clock, new SecureRandom(), 1000));
    }

    public void restart() {
        issuer.close();
        issuer = open();
    }

    public void apply(String yaml) {
        for (var r : ResourceParser.parseYaml(yaml, "fixture")) {
            issuer.resources().put(ADMIN, r, true);
        }
    }

    public void role(String name, String path) {
        apply("kind: role\nversion: v6\nmetadata: {name: " + name + "}\nspec:\n  allow:\n    spiffe:\n"
                + "      - path: " + path + "\n        dns_sans: ['*']\n        ip_sans: [0.0.0.0/0]\n");
    }

    public void user(String name, String password, String... roles) {
        apply("kind: user\nversion: v2\nmetadata: {name: " + name + "}\nspec: {roles: [" + String.join(",", roles)
                + "]}\n");
        issuer.logins().setPassword(ADMIN, name, new PasswordRequest(password, null));
    }

    public static Map<String, Object> map(Object... kv) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        issuer.close();
    }
}
