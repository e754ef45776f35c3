package dev.lanyard.issuer.layout;

import java.nio.file.Path;

/**
 * A user's {@code ~/.lanyard} (following {@code HOME}) after {@code lanyard login}:
 * <pre>
 * profile.json        proxy, user, cluster, expiry of the current login
 * identity.pem        user certificate from the host/user CA
 * identity_key.pem    its key (0600), generated locally
 * host-ca.pem         the host CA the issuer's TLS certificate must chain to (pinned at login)
 * </pre>
 */
public record HomeDir(Path root) {
    public static HomeDir under(Path home) {
        return new HomeDir(home.resolve(".lanyard"));
    }

    public Path profile() {
        return root.resolve("profile.json");
    }

    public Path certificate() {
        return root.resolve("identity.pem");
    }

    public Path key() {
        return root.resolve("identity_key.pem");
    }

    public Path hostCa() {
        return root.resolve("host-ca.pem");
    }
}
