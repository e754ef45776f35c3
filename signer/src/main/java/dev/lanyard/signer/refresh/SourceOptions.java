package dev.lanyard.signer.refresh;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.cli.DebugOption;
import dev.lanyard.signer.cli.KeyOptions;
import dev.lanyard.signer.cli.SessionOptions;
import dev.lanyard.signer.process.SessionParameters;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;

/**
 * The credential flags of the long-running commands ({@code serve}, {@code update}, {@code exec}): the
 * very flags of {@code credential-process} ({@link KeyOptions}, {@link SessionOptions}, {@code --debug}).
 * Key sources are file paths or {@code env:NAME} (re-read at each refresh); stdin cannot be re-read.
 */
public final class SourceOptions {
    @Mixin
    KeyOptions keys;

    @Mixin
    SessionOptions session;

    @Mixin
    DebugOption debugOption;

    public boolean debug() {
        return debugOption.on();
    }

    public KeyFiles keyFiles() {
        requireAll();
        String cert = keys.requireCertificate();
        String key = keys.requirePrivateKey();
        for (String spec : new String[] {cert, key, keys.intermediates()}) {
            if ("-".equals(spec)) {
                throw new LanyardException(Failure.USAGE, "this command re-reads the certificate and key at each refresh,"
                        + " so stdin (-) cannot be used; pass a file path or env:NAME");
            }
        }
        return new KeyFiles(cert, key, keys.intermediates(), keys.password());
    }

    public SessionParameters parameters(Map<String, String> env) {
        requireAll();
        return session.parameters(env);
    }

    /** The role name IMDS reports: the last segment of the role ARN's resource. */
    public String roleName() {
        return session.role().name();
    }

    /** Every missing required flag named at once, as credential-process does. */
    private void requireAll() {
        List<String> missing = keys.missing();
        missing.addAll(session.missing());
        KeyOptions.requireAll(missing);
    }
}
