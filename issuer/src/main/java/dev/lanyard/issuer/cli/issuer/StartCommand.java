package dev.lanyard.issuer.cli.issuer;

import dev.lanyard.common.crypto.CryptoContext;
import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.cli.ServerLauncher;
import dev.lanyard.issuer.server.Initializer;
import dev.lanyard.issuer.server.ServerCredentials;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code lanyard issuer start}: check that the port is free and no issuer runs on the data dir,
 * initialise on first start, renew the TLS certificate and admin identity, then boot the HTTPS
 * server (Quarkus), which records its address (with the port actually bound, for {@code --listen
 * HOST:0}) in the data dir once it is ready. In FIPS mode the providers are installed first of all.
 */
@Command(name = "start", description = "Start the issuer (HTTPS with client certificates).")
final class StartCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    private final Env env;
    private final ServerLauncher launcher;

    StartCommand(Env env, ServerLauncher launcher) {
        this.env = env;
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        ServerOptions.Resolved r = options.resolve(env, true);
        CryptoContext crypto = InitCommand.install(r.mode());
        Preflight.portFree(r.listen());
        if (r.dir().initialized()) {
            Preflight.notRunning(r.dir());
        }
        Initializer.Result result = InitCommand.run(env, r, crypto);
        if (result.created()) {
            InitCommand.report(env, r, result, "text");
        }
        ServerCredentials.writeServer(r.dir(), result.cluster(), result.hostCa(), r.listen().host(), r.publicAddrs(),
                env.clock(), crypto.random());
        Preflight.forgetAddress(r.dir());
        System.setProperty("lanyard.data-dir", r.dir().root().toString());
        if (r.passphraseFile() != null) {
            System.setProperty("lanyard.ca-passphrase-file", r.passphraseFile().toAbsolutePath().toString());
        }
        System.setProperty("quarkus.http.host", r.listen().host());
        System.setProperty("quarkus.http.ssl-port", Integer.toString(r.listen().port()));
        System.setProperty("lanyard.address", r.listen().local());
        env.out().flush();
        return launcher.launch();
    }
}
