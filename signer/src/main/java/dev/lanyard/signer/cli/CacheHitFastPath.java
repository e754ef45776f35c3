package dev.lanyard.signer.cli;

import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.process.CredentialCache;
import dev.lanyard.signer.process.CredentialProcess;
import dev.lanyard.signer.process.CredentialProcessJson;
import dev.lanyard.signer.process.KeyMaterial;
import dev.lanyard.signer.process.SessionParameters;
import dev.lanyard.signer.session.Credentials;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The hot path of {@code credential-process}: a cache hit served before picocli is loaded (picocli's
 * Java 5 class files cannot be stored in the AOT cache, so building its model costs more than the
 * whole hit). It fills the same {@link KeyOptions} and {@link SessionOptions} and asks the same cache,
 * and gives up (returns null) on anything it does not handle exactly: an unknown or help flag,
 * {@code --debug}, {@code --no-cache}, stdin input, any invalid value, or a cache miss. The normal
 * picocli path then runs from the start, so errors are reported in one place only.
 */
final class CacheHitFastPath {
    /** A class, not a lambda: the first lambda costs start-up time. */
    private static final java.util.function.Consumer<String> NO_DEBUG = new java.util.function.Consumer<>() {
        @Override
        public void accept(String s) {
        }
    };

    private CacheHitFastPath() {
    }

    /** The exit code when served from the cache, else null. */
    static Integer tryServe(SignerContext ctx, String[] args) {
        if (args.length == 0 || !args[0].equals("credential-process")) {
            return null;
        }
        KeyOptions keys = new KeyOptions();
        SessionOptions session = new SessionOptions();
        session.sessionDuration = 3600;
        Path cacheDir = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--use-fips-endpoint", "--fips", "--with-proxy", "--no-verify-ssl" -> {
                    if (value != null) {
                        return null;
                    }
                    switch (name) {
                        case "--use-fips-endpoint" -> session.useFipsEndpoint = true;
                        case "--fips" -> session.fips = true;
                        case "--with-proxy" -> session.withProxy = true;
                        default -> session.noVerifySsl = true;
                    }
                    continue;
                }
                default -> {
                }
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return null;
                }
                value = args[++i];
            }
            if (value.equals("-") || value.startsWith("--")) {
                return null;
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
                case "--cache-dir" -> cacheDir = Path.of(value);
                case "--session-duration" -> {
                    if (!value.matches("[0-9]{1,6}")) {
                        return null;
                    }
                    session.sessionDuration = Integer.parseInt(value);
                }
                default -> {
                    return null;
                }
            }
        }
        if (!keys.missing().isEmpty() || !session.missing().isEmpty() || keys.privateKey.contains(":")
                && !keys.privateKey.startsWith("env:")) {
            return null;
        }
        Optional<Credentials> hit;
        try {
            SessionParameters parameters = session.parameters(ctx.env());
            KeyMaterial material = KeyMaterial.read(keys.certificate, keys.privateKey, keys.intermediates, ctx.env(), ctx.stdin());
            CredentialCache cache = new CredentialCache(cacheDir != null ? cacheDir
                    : CredentialCache.defaultDirectory(ctx.env()), ctx.clock(), NO_DEBUG);
            hit = CredentialProcess.cached(parameters, material, cache);
        } catch (LanyardException | java.nio.file.InvalidPathException e) {
            return null;
        }
        if (hit.isEmpty()) {
            return null;
        }
        ctx.out().print(CredentialProcessJson.render(hit.get()));
        ctx.out().flush();
        return 0;
    }
}
