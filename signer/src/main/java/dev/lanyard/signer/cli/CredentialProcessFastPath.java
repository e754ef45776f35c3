package dev.lanyard.signer.cli;

import java.nio.file.Path;

/**
 * {@code credential-process} without picocli. Picocli's Java 5 class files cannot be stored in the
 * JDK AOT cache, and building its command model costs more than a whole credential cache hit, on the
 * path the AWS CLI runs for every command. When the arguments are exactly what this parser knows
 * ({@code --name value}, {@code --name=value}, the boolean flags, known names only), it fills the same
 * {@link KeyOptions} and {@link SessionOptions} and runs the same {@link CredentialProcessCommand#execute};
 * failures go through the same {@link ExitCodes#report}. Anything else (help, an unknown flag, a
 * missing value) returns null and picocli handles the command from the start, with its messages.
 */
final class CredentialProcessFastPath {
    private CredentialProcessFastPath() {
    }

    /** The exit code, or null when picocli must handle these arguments. */
    static Integer tryRun(SignerContext ctx, String[] args) {
        if (args.length == 0 || !args[0].equals("credential-process")) {
            return null;
        }
        KeyOptions keys = new KeyOptions();
        SessionOptions session = new SessionOptions();
        session.sessionDuration = 3600;
        boolean debug = false;
        boolean noCache = false;
        Path cacheDir = null;
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (isFlag(name)) {
                if (value != null) {
                    return null;
                }
                switch (name) {
                    case "--use-fips-endpoint" -> session.useFipsEndpoint = true;
                    case "--fips" -> session.fips = true;
                    case "--with-proxy" -> session.withProxy = true;
                    case "--no-verify-ssl" -> session.noVerifySsl = true;
                    case "--debug" -> debug = true;
                    default -> noCache = true;
                }
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length || (args[i + 1].startsWith("-") && !args[i + 1].equals("-"))) {
                    return null;
                }
                value = args[++i];
            }
            switch (name) {
                case "--certificate" -> keys.certificate = value;
                case "--private-key" -> keys.privateKey = value;
                case "--intermediates" -> keys.intermediates = value;
                case "--pkcs8-password" -> keys.pkcs8Password = value;
                case "--trust-anchor-arn" -> session.trustAnchorArn = value;
                case "--profile-arn" -> session.profileArn = value;
                case "--role-arn" -> session.roleArn = value;
                case "--region" -> session.region = value;
                case "--endpoint" -> session.endpoint = value;
                case "--role-session-name" -> session.roleSessionName = value;
                case "--cache-dir" -> {
                    try {
                        cacheDir = Path.of(value);
                    } catch (java.nio.file.InvalidPathException e) {
                        return null;
                    }
                }
                case "--session-duration" -> {
                    if (!isSmallInteger(value)) {
                        return null;
                    }
                    session.sessionDuration = Integer.parseInt(value);
                }
                default -> {
                    return null;
                }
            }
        }
        try {
            CredentialProcessCommand.execute(ctx, keys, session, debug, noCache, cacheDir);
            return 0;
        } catch (RuntimeException e) {
            return ExitCodes.report(e, ctx.err(), debug);
        }
    }

    /** {@code -?[0-9]{1,9}}, checked without a regex (java.util.regex generates lambdas at run time). */
    static boolean isSmallInteger(String value) {
        int from = value.startsWith("-") ? 1 : 0;
        int digits = value.length() - from;
        if (digits < 1 || digits > 9) {
            return false;
        }
        for (int i = from; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value-less flags of credential-process. */
    static boolean isFlag(String name) {
        return switch (name) {
            case "--use-fips-endpoint", "--fips", "--with-proxy", "--no-verify-ssl", "--debug", "--no-cache" -> true;
            default -> false;
        };
    }
}
