package dev.lanyard.issuer.server.ca;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.common.file.InputFiles;
import dev.lanyard.issuer.layout.DataDir;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Where the CA key-store passphrase comes from, in order: a passphrase file (flag or config),
 * {@code LANYARD_CA_PASSPHRASE}, the data dir's {@code passphrase} file; at init, if none exists, a
 * random one is generated into {@code <data-dir>/passphrase} (0600) and the caller says so.
 */
public record Passphrase(char[] value, Path generated) {
    public static final String ENV = "LANYARD_CA_PASSPHRASE";

    public static Passphrase resolve(Path file, Map<String, String> env, DataDir dir, SecureRandom random,
                                     boolean mayGenerate) {
        if (file != null) {
            return new Passphrase(text(InputFiles.read(file), file.toString()), null);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new Passphrase(fromEnv.toCharArray(), null);
        }
        if (Files.exists(dir.passphrase())) {
            return new Passphrase(text(InputFiles.read(dir.passphrase()), dir.passphrase().toString()), null);
        }
        if (!mayGenerate) {
            throw new LanyardException(Failure.USAGE, "no CA passphrase: set " + ENV + " or give --ca-passphrase-file "
                    + "(the one used when " + dir.root() + " was initialised)");
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        AtomicFiles.write(dir.passphrase(), generated + "\n", AtomicFiles.PRIVATE);
        return new Passphrase(generated.toCharArray(), dir.passphrase());
    }

    private static char[] text(byte[] data, String source) {
        String s = new String(data, StandardCharsets.UTF_8).strip();
        if (s.isEmpty()) {
            throw new LanyardException(Failure.INVALID_INPUT, source + ": passphrase file is empty");
        }
        return s.toCharArray();
    }
}
