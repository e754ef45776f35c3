package dev.lanyard.signer.exec;

import dev.lanyard.signer.cli.SignerContext;
import dev.lanyard.signer.refresh.CommandRuntime;
import dev.lanyard.signer.refresh.CredentialSource;
import dev.lanyard.signer.refresh.RefreshPolicy;
import dev.lanyard.signer.refresh.RefreshingCredentials;
import dev.lanyard.signer.refresh.SessionCredentialSource;
import dev.lanyard.signer.refresh.SourceOptions;
import dev.lanyard.signer.serve.CredentialServer;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code exec [flags] -- COMMAND ARGS...}: the Lambda and container entrypoint. Serves refreshing
 * credentials on an in-process loopback container endpoint, runs COMMAND with
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN} set,
 * forwards SIGTERM/SIGINT and exits with its exit code. {@code --env} exports static credentials instead.
 */
@Command(name = "exec", mixinStandardHelpOptions = true, description = "Runs a command with refreshing AWS credentials (a loopback container endpoint, or --env).")
public final class ExecCommand implements Callable<Integer> {
    private final SignerContext ctx;

    @Mixin
    SourceOptions source;

    @Option(names = "--env", description = "Export static AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN"
            + " instead (for programs that cannot refresh; they expire with the session).")
    boolean staticEnv;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments, after --.")
    List<String> command;

    public ExecCommand() {
        this(CommandRuntime.system());
    }

    public ExecCommand(SignerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try (SessionCredentialSource real = new SessionCredentialSource(source.parameters(ctx.env()), source.keyFiles(),
                ctx.env(), ctx.clock(), ctx.sleeper(), CommandRuntime.debug(ctx, source.debug()), CommandRuntime.userAgent())) {
            return run(real);
        }
    }

    /** Everything after the source is chosen; tests pass a fake source. */
    int run(CredentialSource credentialSource) {
        Consumer<String> log = CommandRuntime.log(ctx);
        try (RefreshingCredentials credentials = new RefreshingCredentials(credentialSource, ctx.clock(),
                RefreshPolicy.DEFAULT, log)) {
            if (staticEnv) {
                return ChildProcess.run(command, ChildEnvironment.staticCredentials(ctx.env(), credentials.start()));
            }
            credentials.start();
            String token = CredentialServer.newToken(new SecureRandom());
            try (CredentialServer server = CredentialServer.container(credentials, token,
                    InetAddress.getLoopbackAddress(), 0, 64)) {
                credentials.startBackground();
                return ChildProcess.run(command, ChildEnvironment.container(ctx.env(), server.url(), token));
            }
        }
    }
}
