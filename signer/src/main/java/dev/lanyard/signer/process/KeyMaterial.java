package dev.lanyard.signer.process;

import dev.lanyard.common.file.InputFiles;
import java.io.InputStream;
import java.util.Map;

/**
 * The certificate, key and intermediates as raw bytes, read once from a path, {@code -} (stdin) or
 * {@code env:NAME}. Only bytes: nothing is parsed here, so a cache hit costs a file read and a hash.
 */
public record KeyMaterial(String certificateSource, byte[] certificate, String keySource, byte[] key,
                          String intermediatesSource, byte[] intermediates) {

    public static KeyMaterial read(String certificate, String privateKey, String intermediates,
                                   Map<String, String> env, InputStream stdin) {
        if ("-".equals(certificate) && "-".equals(privateKey)) {
            throw new dev.lanyard.common.error.LanyardException(dev.lanyard.common.error.Failure.USAGE,
                    "--certificate and --private-key cannot both be read from stdin; use env:NAME for one of them");
        }
        byte[] cert = InputFiles.read(certificate, env, stdin);
        byte[] key = InputFiles.read(privateKey, env, stdin);
        byte[] chain = intermediates == null || intermediates.isEmpty() ? null : InputFiles.read(intermediates, env, stdin);
        return new KeyMaterial(label(certificate), cert, label(privateKey), key,
                intermediates == null ? null : label(intermediates), chain);
    }

    static String label(String spec) {
        return spec.equals("-") ? "stdin" : spec;
    }

    /** Adds the material to a cache key. */
    public CacheKey addTo(CacheKey key) {
        return key.add(certificate).add(this.key).add(intermediates == null ? new byte[0] : intermediates);
    }
}
