package dev.lanyard.signer.update;

import dev.lanyard.signer.cli.SignerContext;
import dev.lanyard.signer.refresh.CommandRuntime;
import dev.lanyard.signer.refresh.RefreshPolicy;
import dev.lanyard.signer.refresh.SessionCredentialSource;
import dev.lanyard.signer.refresh.SourceOptions;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code update --profile NAME [--once]}: keeps a profile of the shared credentials file fresh,
 * rewriting it atomically under a lock and leaving every other line alone.
 */
@Command(name = "update", mixinStandardHelpOptions = true, description = "Writes refreshing credentials into a profile of ~/.aws/credentials (or AWS_SHARED_CREDENTIALS_FILE).")
public final class UpdateCommand implements Runnable {
    private final SignerContext ctx;

    @Mixin
    SourceOptions source;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "default",
            description = "Profile (section) to write (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--once", description = "Update once and exit instead of refreshing before expiry.")
    boolean once;

    public UpdateCommand() {
        this(CommandRuntime.system());
    }

    public UpdateCommand(SignerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        CredentialsFileText.checkProfile(profile);
        CredentialsFile file = CredentialsFile.resolve(ctx.env());
        try (SessionCredentialSource real = new SessionCredentialSource(source.parameters(ctx.env()), source.keyFiles(),
                ctx.env(), ctx.clock(), ctx.sleeper(), CommandRuntime.debug(ctx, source.debug()), CommandRuntime.userAgent())) {
            ProfileUpdater updater = new ProfileUpdater(real, file, profile, ctx.clock(), RefreshPolicy.DEFAULT,
                    CommandRuntime.log(ctx));
            Instant next = updater.updateOnce();
            if (!once) {
                updater.run(next, ctx.sleeper());
            }
        }
    }
}
