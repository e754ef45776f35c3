package dev.lanyard.signer.cli;

import dev.lanyard.signer.process.CredentialCache;
import dev.lanyard.signer.process.CredentialProcess;
import dev.lanyard.signer.process.CredentialProcessJson;
import dev.lanyard.signer.process.KeyMaterial;
import dev.lanyard.signer.process.KeyMaterialReader;
import dev.lanyard.signer.process.SessionParameters;
import dev.lanyard.signer.session.Credentials;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code credential-process}: prints {@code {"Version":1,…}} for the AWS CLI and SDKs, from the cache
 * while more than 15 minutes of validity remain, else from one CreateSession call.
 */
@Command(name = "credential-process", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class, description = "Prints temporary credentials in the credential_process format.")
final class CredentialProcessCommand implements Runnable {
    @ParentCommand
    SignerCommand root;

    @Mixin
    KeyOptions keys;

    @Mixin
    SessionOptions session;

    @Mixin
    DebugOption debugOption;

    static final String NO_CACHE = "--no-cache";
    static final String CACHE_DIR = "--cache-dir";

    @Option(names = NO_CACHE, description = "Always call CreateSession; do not read or write the credential cache.")
    boolean noCache;

    @Option(names = CACHE_DIR, paramLabel = "DIR",
            description = "Credential cache directory (default: $XDG_CACHE_HOME/lanyard/credentials or ~/.cache/lanyard/credentials).")
    Path cacheDir;

    @Override
    public void run() {
        execute(root.context(), keys, session, debugOption.debug, noCache, cacheDir);
    }

    /** The command itself, shared with {@link CredentialProcessFastPath}. */
    static void execute(SignerContext ctx, KeyOptions keys, SessionOptions session, boolean debugOn, boolean noCache,
                        Path cacheDir) {
        execute(ctx, new KeyMaterial.StandardInput(ctx.env(), ctx.stdin()), keys, session, debugOn, noCache, cacheDir);
    }

    /** As above, with the key files read through {@code input} (tests change the files between two reads). */
    static void execute(SignerContext ctx, KeyMaterial.Input input, KeyOptions keys, SessionOptions session,
                        boolean debugOn, boolean noCache, Path cacheDir) {
        Consumer<String> debug = ctx.debug(debugOn);
        java.util.List<String> missing = keys.missing();
        missing.addAll(session.missing());
        KeyOptions.requireAll(missing);
        KeyMaterialReader reader = new KeyMaterialReader(keys.requireCertificate(), keys.requirePrivateKey(),
                keys.intermediates, input);
        CredentialCache cache = noCache ? null : new CredentialCache(cacheDir != null ? cacheDir
                : CredentialCache.defaultDirectory(ctx.env()), ctx.clock(), debug);
        Credentials credentials = reader.withMatchingPair(new CachedOrNew(ctx, keys, session, cache, debug));
        ctx.out().print(CredentialProcessJson.render(credentials));
        ctx.out().flush();
    }

    /**
     * The credentials for one reading of the key material: from the cache, else from CreateSession
     * (stored in the cache). A class, not a lambda: the first lambda of a run costs start-up time.
     */
    private record CachedOrNew(SignerContext ctx, KeyOptions keys, SessionOptions session, CredentialCache cache,
                               Consumer<String> debug) implements KeyMaterialReader.Step<Credentials> {
        @Override
        public Credentials apply(KeyMaterial material) {
            String entry = null;
            if (cache != null) {
                entry = session.cacheEntry(ctx.env(), material);
                java.util.Optional<Credentials> hit = cache.lookup(entry);
                if (hit.isPresent()) {
                    return hit.get();
                }
            }
            SessionParameters parameters = session.parameters(ctx.env());
            return new CredentialProcess(ctx.clock(), ctx.sleeper(), debug, Version.userAgent())
                    .obtain(parameters, material, keys.password(), cache, entry);
        }
    }
}
