package dev.lanyard.issuer.cli.ctl;

import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.cli.Target;
import dev.lanyard.issuer.client.IssuerClient;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.resource.ResourceFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ctl get roles|users|bots|tokens [NAME] [--format yaml|json]} (also {@code get role/NAME}). */
@Command(name = "get", description = "Print resources as YAML or JSON.")
final class GetCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Parameters(index = "0", paramLabel = "KIND", description = "roles, users, bots, tokens (or KIND/NAME)")
    String kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME")
    String name;

    @Option(names = "--format", defaultValue = "yaml", description = "yaml or json")
    String format;

    private final Env env;

    GetCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ResourceFormat f = ResourceFormat.parse(format);
        IssuerClient client = target.connect(env);
        Refs.Ref ref = kind.contains("/") ? Refs.parse(kind) : name != null ? new Refs.Ref(Kind.parse(kind), name) : null;
        if (ref != null) {
            env.out().print(f.one(Refs.fetch(client, ref)));
        } else {
            env.out().print(f.many(Refs.list(client, Kind.parse(kind))));
        }
        return 0;
    }
}
