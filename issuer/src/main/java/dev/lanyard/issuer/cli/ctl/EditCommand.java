package dev.lanyard.issuer.cli.ctl;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.common.file.InputFiles;
import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.cli.Target;
import dev.lanyard.issuer.client.IssuerClient;
import dev.lanyard.issuer.resource.Resource;
import dev.lanyard.issuer.resource.ResourceFormat;
import dev.lanyard.issuer.resource.ResourceParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ctl edit KIND/NAME}: opens the resource in {@code $VISUAL}/{@code $EDITOR} (default vi),
 * validates the result, and saves it only if it is valid and changed. Kind and name cannot change.
 */
@Command(name = "edit", description = "Edit a resource in $EDITOR; it is validated before it is saved.")
final class EditCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Parameters(index = "0", paramLabel = "KIND/NAME")
    String ref;

    private final Env env;

    EditCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        Refs.Ref r = Refs.parse(ref);
        IssuerClient client = target.connect(env);
        Resource before = Refs.fetch(client, r);
        Path dir = Files.createTempDirectory("lanyard-edit-",
                PosixFilePermissions.asFileAttribute(AtomicFiles.PRIVATE_DIR));
        Path file = dir.resolve(r.kind().id() + "-" + r.name() + ".yaml");
        try {
            AtomicFiles.write(file, ResourceFormat.YAML.one(before), AtomicFiles.PRIVATE);
            runEditor(file);
            String text = new String(InputFiles.read(file), StandardCharsets.UTF_8);
            List<Resource> edited = ResourceParser.parseYaml(text, "edited " + r);
            if (edited.size() != 1) {
                throw new LanyardException(Failure.INVALID_INPUT, "edited " + r + ": expected exactly one document");
            }
            Resource after = edited.get(0);
            if (after.kind() != before.kind() || !after.name().equals(before.name())) {
                throw new LanyardException(Failure.INVALID_INPUT, "edited " + r + ": kind and name cannot change "
                        + "(got " + after.ref() + "); nothing was saved");
            }
            if (after.document().equals(before.document())) {
                env.out().println("no changes to " + r);
                return 0;
            }
            Refs.save(client, after, true);
            env.out().println(r.kind().id() + " \"" + r.name() + "\" has been updated");
            return 0;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private void runEditor(Path file) throws IOException {
        String editor = env.var("VISUAL") != null ? env.var("VISUAL") : env.var("EDITOR") != null ? env.var("EDITOR")
                : "vi";
        Process p = new ProcessBuilder("sh", "-c", editor + " \"$1\"", "sh", file.toString()).inheritIO().start();
        try {
            int code = p.waitFor();
            if (code != 0) {
                throw new LanyardException(Failure.USAGE, "editor '" + editor + "' exited with " + code
                        + "; nothing was saved");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LanyardException(Failure.USAGE, "interrupted while waiting for the editor; nothing was saved");
        }
    }
}
