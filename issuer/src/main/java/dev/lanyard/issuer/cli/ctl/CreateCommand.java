package dev.lanyard.issuer.cli.ctl;

import dev.lanyard.common.file.InputFiles;
import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.cli.Target;
import dev.lanyard.issuer.client.IssuerClient;
import dev.lanyard.issuer.resource.Resource;
import dev.lanyard.issuer.resource.ResourceParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ctl create -f FILE|-}: every document is validated before any is sent. */
@Command(name = "create", description = "Create resources from a YAML file (- for stdin).")
final class CreateCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "YAML file, or - for stdin")
    String file;

    @Option(names = "--force", description = "Replace resources that already exist.")
    boolean force;

    private final Env env;

    CreateCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        String source = file.equals("-") ? "stdin" : file;
        String text = new String(InputFiles.read(file, env.vars(), env.in()), StandardCharsets.UTF_8);
        List<Resource> resources = ResourceParser.parseYaml(text, source);
        IssuerClient client = target.connect(env);
        for (Resource r : resources) {
            Refs.save(client, r, force);
            env.out().println(r.kind().id() + " \"" + r.name() + "\" has been " + (force ? "saved" : "created"));
        }
        return 0;
    }
}
