package dev.lanyard.issuer.cli.ctl;

import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.cli.Target;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ctl rm KIND/NAME}. */
@Command(name = "rm", description = "Delete a resource.")
final class RmCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Parameters(index = "0", paramLabel = "KIND/NAME")
    String ref;

    private final Env env;

    RmCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Refs.Ref r = Refs.parse(ref);
        target.connect(env).delete(r.path(), Map.class);
        env.out().println(r.kind().id() + " \"" + r.name() + "\" has been deleted");
        return 0;
    }
}
