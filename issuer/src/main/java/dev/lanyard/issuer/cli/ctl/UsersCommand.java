package dev.lanyard.issuer.cli.ctl;

import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.cli.Formats;
import dev.lanyard.issuer.cli.Target;
import dev.lanyard.issuer.cli.Secrets;
import dev.lanyard.issuer.client.IssuerClient;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.resource.Resource;
import dev.lanyard.issuer.wire.Json;
import dev.lanyard.issuer.wire.PasswordRequest;
import dev.lanyard.issuer.wire.StatusResponse;
import dev.lanyard.issuer.wire.TokenResponse;
import dev.lanyard.issuer.wire.TotpResponse;
import dev.lanyard.issuer.wire.UserAddRequest;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "users", description = "Add and update users.", subcommands = {UsersCommand.Add.class,
        UsersCommand.Update.class})
final class UsersCommand {

    /** {@code ctl users add NAME --roles a,b [--password-file F]}: prints a setup token unless a password is given. */
    @Command(name = "add", description = "Add a user; prints a one-time password setup token unless --password-file "
            + "is given.")
    static final class Add implements Callable<Integer> {
        @Mixin
        Target target;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--roles", split = ",", paramLabel = "ROLE[,ROLE]")
        List<String> roles = new ArrayList<>();

        @Option(names = "--password-file", paramLabel = "FILE", description = "Set the password from FILE (- stdin, "
                + "env:NAME).")
        String passwordFile;

        @Option(names = "--totp", description = "Also enroll a TOTP secret (needs --password-file); printed once.")
        boolean totp;

        @Option(names = "--format", defaultValue = "text", description = "text or json")
        String format;

        private final Env env;

        Add(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            if (totp && passwordFile == null) {
                throw new LanyardException(Failure.USAGE, "--totp needs --password-file (a TOTP user logs in with "
                        + "password and code)");
            }
            boolean json = Formats.json(format);
            String password = passwordFile == null ? null : Secrets.read(passwordFile, env, "--password-file");
            IssuerClient client = target.connect(env);
            TokenResponse t = client.post("/v1/users", new UserAddRequest(name, roles, password), TokenResponse.class);
            TotpResponse otp = totp ? enroll(client, name) : null;
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>(Json.convert(t, Map.class));
                if (otp != null) {
                    m.put("totp_secret", otp.totpSecret());
                    m.put("totp_uri", otp.totpUri());
                }
                env.out().println(Json.write(m));
                return 0;
            }
            env.out().println("User \"" + name + "\" has been created with roles " + roles
                    + (password != null ? " and a password." : "."));
            if (t.token() != null) {
                env.out().println("Password setup token (one use, valid until " + t.expires() + "): " + t.token());
                env.out().println("The user sets a password with: lanyard login --proxy " + client.address()
                        + " --user " + name + " --setup-token " + t.token() + " --password-file FILE");
            }
            printTotp(env, otp);
            return 0;
        }
    }

    static TotpResponse enroll(IssuerClient client, String name) {
        return client.post("/v1/users/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/totp", Map.of(),
                TotpResponse.class);
    }

    static void printTotp(Env env, TotpResponse otp) {
        if (otp != null) {
            env.out().println("TOTP secret for \"" + otp.user() + "\" (shown once; add it to an authenticator app): "
                    + otp.totpSecret());
            env.out().println(otp.totpUri());
        }
    }

    /** {@code ctl users update NAME [--add-roles ..] [--remove-roles ..] [--set-roles ..] [--password-file F]}. */
    @Command(name = "update", description = "Change a user's roles or password.")
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

        @Option(names = "--password-file", paramLabel = "FILE")
        String passwordFile;

        @Option(names = "--totp", description = "Enroll (or replace) the user's TOTP secret; printed once.")
        boolean totp;

        private final Env env;

        Update(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            if (add == null && remove == null && set == null && passwordFile == null && !totp) {
                throw new LanyardException(Failure.USAGE,
                        "nothing to update: give --add-roles, --remove-roles, --set-roles, --password-file or --totp");
            }
            String password = passwordFile == null ? null : Secrets.read(passwordFile, env, "--password-file");
            IssuerClient client = target.connect(env);
            Refs.Ref ref = new Refs.Ref(Kind.USER, name);
            if (add != null || remove != null || set != null) {
                Resource updated = RoleEdits.apply(Refs.fetch(client, ref), set, add, remove);
                Refs.save(client, updated, true);
                env.out().println("User \"" + name + "\" now has roles " + updated.roles());
            }
            if (password != null) {
                client.post("/v1/users/" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                                + "/password",
                        new PasswordRequest(password, null), StatusResponse.class);
                env.out().println("Password of user \"" + name + "\" has been set");
            }
            if (totp) {
                printTotp(env, enroll(client, name));
            }
            return 0;
        }
    }
}
