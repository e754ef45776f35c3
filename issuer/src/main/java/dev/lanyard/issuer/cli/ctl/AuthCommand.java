package dev.lanyard.issuer.cli.ctl;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.cli.Target;
import dev.lanyard.issuer.wire.BundleResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "auth", description = "CA operations.", subcommands = AuthCommand.Export.class)
final class AuthCommand {

    /** {@code ctl auth export --type tls-spiffe}: the SPIFFE CA certificate(s) as PEM. */
    @Command(name = "export", description = "Print the SPIFFE CA bundle (PEM) for a Roles Anywhere trust anchor.")
    static final class Export implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(names = "--type", required = true, description = "tls-spiffe")
        String type;

        private final Env env;

        Export(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            if (!type.equals("tls-spiffe")) {
                throw new LanyardException(Failure.USAGE, "unknown --type '" + type + "'; use tls-spiffe");
            }
            env.out().print(target.connect(env).get("/v1/bundle", BundleResponse.class).pem());
            return 0;
        }
    }
}
