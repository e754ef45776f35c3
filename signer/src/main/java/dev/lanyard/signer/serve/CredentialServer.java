package dev.lanyard.signer.serve;

import dev.lanyard.signer.refresh.RefreshingCredentials;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * A running local credentials endpoint: IMDSv2-compatible, or ECS-style (container). Used by
 * {@code serve} and by {@code exec}.
 */
public final class CredentialServer implements AutoCloseable {
    private final LocalServer server;
    private final String url;

    private CredentialServer(LocalServer server, String url) {
        this.server = server;
        this.url = url;
    }

    public static CredentialServer imds(RefreshingCredentials credentials, String roleName, InetAddress bind, int port,
                                        int hopLimit, Clock clock, SecureRandom random) {
        LocalServer s = LocalServer.start(bind, port,
                new ImdsHandler(new TokenStore(clock, random), credentials, roleName));
        HopLimit.apply(s.port(), hopLimit);
        return new CredentialServer(s, s.baseUrl() + "/");
    }

    public static CredentialServer container(RefreshingCredentials credentials, String token, InetAddress bind, int port,
                                             int hopLimit) {
        LocalServer s = LocalServer.start(bind, port, new ContainerHandler(token, credentials));
        HopLimit.apply(s.port(), hopLimit);
        return new CredentialServer(s, s.baseUrl() + ContainerHandler.PATH);
    }

    /** A per-start authorization token: 32 random bytes, hex. */
    public static String newToken(SecureRandom random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** IMDS: the value for AWS_EC2_METADATA_SERVICE_ENDPOINT; container: for AWS_CONTAINER_CREDENTIALS_FULL_URI. */
    public String url() {
        return url;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
