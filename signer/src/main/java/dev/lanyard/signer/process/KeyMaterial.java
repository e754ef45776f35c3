package dev.lanyard.signer.process;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.InputFiles;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * The certificate, key and intermediates as raw bytes, read once from a path, {@code -} (stdin) or
 * {@code env:NAME}. Only bytes: nothing is parsed here, so a cache hit costs a file read and a hash.
 * {@link KeyMaterialReader} reads them again when the key turns out not to match the certificate.
 */
public record KeyMaterial(String certificateSource, byte[] certificate, String keySource, byte[] key,
                          String intermediatesSource, byte[] intermediates) {

    /** Reads one input named on the command line: a path, {@code -} (stdin) or {@code env:NAME}. */
    public interface Input {
        byte[] read(String spec);
    }

    /** The real inputs, read with {@link InputFiles}. */
    public record StandardInput(Map<String, String> env, InputStream stdin) implements Input {
        @Override
        public byte[] read(String spec) {
            return InputFiles.read(spec, env, stdin);
        }
    }

    /** Reads the certificate, then the key, then the intermediates (if named) through {@code input}. */
    public static KeyMaterial read(String certificate, String privateKey, String intermediates, Input input) {
        if ("-".equals(certificate) && "-".equals(privateKey)) {
            throw new LanyardException(Failure.USAGE,
                    "--certificate and --private-key cannot both be read from stdin; use env:NAME for one of them");
        }
        byte[] cert = input.read(certificate);
        byte[] key = input.read(privateKey);
        byte[] chain = intermediates == null || intermediates.isEmpty() ? null : input.read(intermediates);
        return new KeyMaterial(label(certificate), cert, label(privateKey), key,
                intermediates == null ? null : label(intermediates), chain);
    }

    static String label(String spec) {
        return spec.equals("-") ? "stdin" : spec;
    }

    /** True when both hold the same certificate, key and intermediates bytes. */
    boolean sameBytes(KeyMaterial other) {
        return Arrays.equals(certificate, other.certificate) && Arrays.equals(key, other.key)
                && Arrays.equals(intermediates, other.intermediates);
    }

    /** Adds the material to a cache key. */
    public CacheKey addTo(CacheKey key) {
        return key.add(certificate).add(this.key).add(intermediates == null ? new byte[0] : intermediates);
    }
}
