package dev.lanyard.issuer.cli.ctl;

import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.cli.Formats;
import dev.lanyard.issuer.cli.Target;
import dev.lanyard.issuer.wire.Durations;
import dev.lanyard.issuer.wire.Json;
import dev.lanyard.issuer.wire.TokenAddRequest;
import dev.lanyard.issuer.wire.TokenResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tokens", description = "Join tokens.", subcommands = TokensCommand.Add.class)
final class TokensCommand {

    /** {@code ctl tokens add --type=bot --bot NAME [--ttl 1h]}. */
    @Command(name = "add", description = "Create a one-time join token.")
    static final class Add implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(names = "--type", required = true, description = "bot")
        String type;

        @Option(names = "--bot", required = true, paramLabel = "NAME")
        String bot;

        @Option(names = "--ttl", paramLabel = "DURATION", description = "Validity (default 1h, max 7d).")
        String ttl;

        @Option(names = "--format", defaultValue = "text", description = "text or json")
        String format;

        private final Env env;

        Add(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Long seconds = ttl == null ? null : Durations.parse(ttl, "--ttl").toSeconds();
            TokenResponse t = target.connect(env).post("/v1/tokens", new TokenAddRequest(type, bot, seconds),
                    TokenResponse.class);
            if (Formats.json(format)) {
                env.out().println(Json.write(t));
            } else {
                env.out().println("Join token for bot \"" + bot + "\" (one use, valid until " + t.expires() + "): "
                        + t.token());
            }
            return 0;
        }
    }
}
