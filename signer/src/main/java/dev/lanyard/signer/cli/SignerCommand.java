package dev.lanyard.signer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: {@code lanyard-signer COMMAND}. */
@Command(name = "lanyard-signer",
        description = "IAM Roles Anywhere credential helper: signs CreateSession with an X.509 key (SigV4-X509).",
        mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
        subcommands = {CredentialProcessCommand.class, SignStringCommand.class, ReadCertificateDataCommand.class,
                VersionCommand.class, DoctorCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:usage (bad or missing flag)", "3:invalid input (ARN, region, duration)",
                "4:a file cannot be read", "5:key or certificate unusable, or key does not match",
                "6:certificate not valid now or not trusted", "7:denied by Roles Anywhere",
                "8:trust anchor, profile or role not found", "10:endpoint unreachable or failing",
                "11:endpoint refused the request", "12:not allowed in FIPS approved-only mode", "70:internal error"})
public final class SignerCommand implements Runnable {
    private final SignerContext context;

    @Spec
    CommandSpec spec;

    SignerCommand(SignerContext context) {
        this.context = context;
    }

    SignerContext context() {
        return context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.err());
        throw new dev.lanyard.common.error.LanyardException(dev.lanyard.common.error.Failure.USAGE,
                "missing command: use credential-process, sign-string, read-certificate-data, doctor or version");
    }
}
