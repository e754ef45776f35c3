package dev.lanyard.issuer.cli.ctl;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.cli.Target;
import dev.lanyard.issuer.cli.Formats;
import dev.lanyard.issuer.wire.BundleResponse;
import dev.lanyard.issuer.wire.Json;
import dev.lanyard.issuer.wire.RotateRequest;
import dev.lanyard.issuer.wire.StatusResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "auth", description = "CA operations.", subcommands = {AuthCommand.Export.class,
        AuthCommand.Rotate.class})
final class AuthCommand {

    /**
     * {@code ctl auth rotate --type spiffe --phase init|update|standby|rollback [--force]}: prints the
     * phase and the pins the bundle now holds (export the bundle to the trust anchor after init).
     */
    @Command(name = "rotate", description = "Rotate the SPIFFE CA: init (trust the next CA), update (sign with it), "
            + "standby (drop the old CA), or rollback.")
    static final class Rotate implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(names = "--type", required = true, description = "spiffe")
        String type;

        @Option(names = "--phase", required = true, description = "init, update, standby or rollback")
        String phase;

        @Option(names = "--force", description = "standby before the maximum SVID TTL has passed since update")
        boolean force;

        @Option(names = "--format", defaultValue = "text", description = "text or json")
        String format;

        private final Env env;

        Rotate(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            StatusResponse s = target.connect(env).post("/v1/ca/rotate", new RotateRequest(type, phase, force),
                    StatusResponse.class);
            if (Formats.json(format)) {
                env.out().println(Json.write(s));
                return 0;
            }
            env.out().println("SPIFFE CA rotation phase: " + s.rotationPhase());
            env.out().println("CA pin:      " + s.caPin());
            if (s.nextCaPin() != null) {
                env.out().println("Next CA pin: " + s.nextCaPin());
                env.out().println("Export the bundle (ctl auth export --type tls-spiffe) to every trust anchor now.");
            }
            return 0;
        }
    }

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
