package dev.lanyard.issuer.agent;

import dev.lanyard.issuer.cli.Env;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code lanyard bot start}: join the issuer and keep the SVID outputs fresh ({@code --oneshot}: once,
 * then exit). Plain Java and the JDK HTTP client; Quarkus is not started.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Join the issuer and keep spiffe-svid outputs (svid.pem, svid_key.pem, svid_bundle.pem) fresh.")
final class BotStartCommand implements Callable<Integer> {
    @Mixin
    ConfigFlags flags = new ConfigFlags();

    private final Env env;

    BotStartCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        BotConfig config = flags.resolve();
        Renewer renewer = new Renewer(new Joiner(new IdentityStore(config.storage()), env.clock(), env.random()),
                new SvidFetcher(env.random()), env.clock(), () -> env.random().nextDouble() * 2 - 1,
                RenewalSchedule.DEFAULT, env.out());
        Wakeup wakeup = new Wakeup();
        Agent agent = new Agent(flags::resolve, renewer, wakeup, env.clock(), env.out());
        if (config.oneshot()) {
            agent.oneshot(config);
            return 0;
        }
        Signals.install(wakeup, env.out());
        env.out().println("INFO bot starting: proxy_server=" + config.proxyServer() + " join_method="
                + config.joinMethod().id() + " outputs=" + config.outputs().size());
        env.out().flush();
        DiagServer diag = config.diagAddr() == null ? null
                : DiagServer.start(config.diagAddr(), renewer::snapshot, env.clock());
        if (diag != null) {
            DiagAddress bound = new DiagAddress(config.diagAddr().host(), diag.port());
            env.out().println("INFO diagnostics on http://" + bound + " (/livez, /readyz, /metrics)");
            env.out().flush();
        }
        try {
            agent.run(config);
        } finally {
            if (diag != null) {
                diag.close();
            }
        }
        return 0;
    }
}
