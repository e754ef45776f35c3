package dev.lanyard.issuer.cli.issuer;

import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.cli.ServerLauncher;
import dev.lanyard.issuer.server.Initializer;
import dev.lanyard.issuer.server.ServerCredentials;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code lanyard issuer start}: initialise on first start, renew the TLS certificate and admin
 * identity, record the listen address in the data dir, then boot the HTTPS server (Quarkus).
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
        Initializer.Result result = InitCommand.run(env, r);
        if (result.created()) {
            InitCommand.report(env, r, result, "text");
        }
        ServerCredentials.writeServer(r.dir(), result.cluster(), result.hostCa(), r.listen().host(), r.publicAddrs(),
                env.clock(), env.random());
        AtomicFiles.write(r.dir().address(), r.listen().local() + "\n", AtomicFiles.PUBLIC);
        System.setProperty("lanyard.data-dir", r.dir().root().toString());
        if (r.passphraseFile() != null) {
            System.setProperty("lanyard.ca-passphrase-file", r.passphraseFile().toAbsolutePath().toString());
        }
        System.setProperty("quarkus.http.host", r.listen().host());
        System.setProperty("quarkus.http.ssl-port", Integer.toString(r.listen().port()));
        env.out().flush();
        return launcher.launch();
    }
}
