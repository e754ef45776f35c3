package dev.lanyard.issuer.cli.ctl;

import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.cli.Formats;
import dev.lanyard.issuer.cli.Target;
import dev.lanyard.issuer.client.IssuerClient;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.resource.Resource;
import dev.lanyard.issuer.wire.BotAddRequest;
import dev.lanyard.issuer.wire.Durations;
import dev.lanyard.issuer.wire.Json;
import dev.lanyard.issuer.wire.TokenResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bots", description = "Add and update bots.", subcommands = {BotsCommand.Add.class,
        BotsCommand.Update.class})
final class BotsCommand {

    /** {@code ctl bots add NAME --roles a,b [--ttl 1h]}: prints the bot's first join token. */
    @Command(name = "add", description = "Add a bot and print a one-time join token.")
    static final class Add implements Callable<Integer> {
        @Mixin
        Target target;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--roles", split = ",", paramLabel = "ROLE[,ROLE]")
        List<String> roles = new ArrayList<>();

        @Option(names = "--ttl", paramLabel = "DURATION", description = "Join token validity (default 1h, max 7d).")
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
            IssuerClient client = target.connect(env);
            TokenResponse t = client.post("/v1/bots", new BotAddRequest(name, roles, seconds), TokenResponse.class);
            if (Formats.json(format)) {
                env.out().println(Json.write(t));
                return 0;
            }
            env.out().println("Bot \"" + name + "\" has been created with roles " + roles + ".");
            env.out().println("Join token (one use, valid until " + t.expires() + "): " + t.token());
            return 0;
        }
    }

    /** {@code ctl bots update NAME --add-roles ..}. */
    @Command(name = "update", description = "Change a bot's roles.")
    static final class Update implements Callable<Integer> {
        @Mixin
        Target target;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--add-roles", split = ",", paramLabel = "ROLE[,ROLE]")
        List<String> add;

        @Option(names = "--remove-roles", split = ",", paramLabel = "ROLE[,ROLE]")
        List<String> remove;

        @Option(names = "--set-roles", split = ",", paramLabel = "ROLE[,ROLE]")
        List<String> set;

        private final Env env;

        Update(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            IssuerClient client = target.connect(env);
            Resource updated = RoleEdits.apply(Refs.fetch(client, new Refs.Ref(Kind.BOT, name)), set, add, remove);
            Refs.save(client, updated, true);
            env.out().println("Bot \"" + name + "\" now has roles " + updated.roles());
            return 0;
        }
    }
}
