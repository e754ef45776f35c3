package dev.lanyard.signer.cli;

import dev.lanyard.signer.crypto.CryptoProviders;
import dev.lanyard.signer.doctor.Checklist;
import dev.lanyard.signer.doctor.Doctor;
import dev.lanyard.signer.doctor.DoctorInputs;
import dev.lanyard.signer.doctor.ServerClock;
import dev.lanyard.signer.session.HttpSettings;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code doctor}: the credential-process flags plus {@code --trust-anchor-bundle}; prints a pass/fail
 * checklist with a fix per failure and exits with the first failure's code (0 when all pass).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class, description = "Checks the certificate, key, chain, ARNs and clock before calling AWS.")
final class DoctorCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    SignerCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    KeyOptions keys;

    @Mixin
    SessionOptions session;

    @Mixin
    DebugOption debugOption;

    @Option(names = "--trust-anchor-bundle", paramLabel = "FILE",
            description = "The trust anchor's CA bundle (PEM), to check the chain through --intermediates.")
    String trustAnchorBundle;

    @Option(names = {"--no-cache", "--cache-dir"}, hidden = true, arity = "0..1", description = "Ignored (credential-process flags).")
    String ignored;

    @Override
    public Integer call() {
        SignerContext ctx = root.context();
        DoctorInputs in = new DoctorInputs(keys.certificate, keys.privateKey, keys.intermediates, keys.password(),
                trustAnchorBundle, session.trustAnchorArn, session.profileArn, session.roleArn, session.region,
                session.sessionDuration, session.roleSessionName, session.endpoint, session.useFipsEndpoint,
                session.noVerifySsl, session.cryptoMode(ctx.env()), ctx.env(), ctx.stdin());
        CryptoProviders providers = new CryptoProviders(in.mode(), ctx.debug(debugOption.on()));
        ServerClock serverClock = ServerClock.http(new HttpSettings(session.noVerifySsl, ctx.env(), Duration.ofSeconds(5)),
                providers);
        Checklist result = new Doctor(ctx.clock(), serverClock, providers).run(in);
        ctx.out().print(result.render());
        ctx.out().flush();
        return result.exitCode();
    }
}
