package dev.lanyard.issuer.cli;

import dev.lanyard.issuer.client.Credentials;
import dev.lanyard.issuer.client.IssuerClient;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.layout.HomeDir;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which identity {@code ctl} uses: the local admin identity of {@code --data-dir} (or
 * {@code LANYARD_DATA_DIR}), talking to the issuer started from that data dir; otherwise the user
 * logged in with {@code lanyard login}.
 */
public final class Target {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Issuer data dir: use its local admin identity "
            + "(or LANYARD_DATA_DIR).")
    Path dataDir;

    @Option(names = "--proxy", paramLabel = "HOST:PORT", description = "Issuer address (default: from the data dir "
            + "or the login profile).")
    String proxy;

    public IssuerClient connect(Env env) {
        Credentials c;
        String dir = dataDir != null ? dataDir.toString() : env.var("LANYARD_DATA_DIR");
        if (dir != null) {
            c = Credentials.admin(new DataDir(Path.of(dir)), proxy);
        } else {
            c = Credentials.user(HomeDir.under(env.home()), proxy, env.clock().instant());
        }
        return c.client(env.random());
    }
}
