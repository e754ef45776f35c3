package dev.lanyard.signer.cli;

import java.nio.file.Path;

/**
 * {@code credential-process} without picocli. Picocli's Java 5 class files cannot be stored in the
 * JDK AOT cache, and building its command model costs more than a whole credential cache hit, on the
 * path the AWS CLI runs for every command. When the arguments are exactly what this parser knows
 * ({@code --name value}, {@code --name=value}, the boolean flags, known names only), it fills the same
 * {@link KeyOptions} and {@link SessionOptions} through their own setters (keyed by the constants their
 * picocli annotations use) and runs the same {@link CredentialProcessCommand#execute};
 * failures go through the same {@link ExitCodes#report}. Anything else (help, an unknown flag, a
 * missing value) returns null and picocli handles the command from the start, with its messages.
 */
final class CredentialProcessFastPath {
    private CredentialProcessFastPath() {
    }

    /** The options as parsed; what picocli would have set on {@link CredentialProcessCommand}. */
    record Parsed(KeyOptions keys, SessionOptions session, boolean debug, boolean noCache, Path cacheDir) {
    }

    /** The exit code, or null when picocli must handle these arguments. */
    static Integer tryRun(SignerContext ctx, String[] args) {
        Parsed p = parse(args);
        if (p == null) {
            return null;
        }
        try {
            CredentialProcessCommand.execute(ctx, p.keys(), p.session(), p.debug(), p.noCache(), p.cacheDir());
            return 0;
        } catch (RuntimeException | AssertionError e) {
            return ExitCodes.report(e, ctx.err(), p.debug());
        }
    }

    /** {@code credential-process} arguments parsed, or null when picocli must handle them. */
    static Parsed parse(String[] args) {
        if (args.length == 0 || !args[0].equals("credential-process")) {
            return null;
        }
        KeyOptions keys = new KeyOptions();
        SessionOptions session = new SessionOptions();
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
                if (name.equals(DebugOption.DEBUG)) {
                    debug = true;
                } else if (name.equals(CredentialProcessCommand.NO_CACHE)) {
                    noCache = true;
                } else {
                    session.setFlag(name);
                }
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length || (args[i + 1].startsWith("-") && !args[i + 1].equals("-"))) {
                    return null;
                }
                value = args[++i];
            }
            if (name.equals(CredentialProcessCommand.CACHE_DIR)) {
                try {
                    cacheDir = Path.of(value);
                } catch (java.nio.file.InvalidPathException e) {
                    return null;
                }
            } else if (!keys.set(name, value) && !session.set(name, value)) {
                return null;
            }
        }
        return new Parsed(keys, session, debug, noCache, cacheDir);
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
        return SessionOptions.isFlag(name) || name.equals(DebugOption.DEBUG) || name.equals(CredentialProcessCommand.NO_CACHE);
    }
}
