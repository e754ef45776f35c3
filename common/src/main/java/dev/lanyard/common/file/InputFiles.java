package dev.lanyard.common.file;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads an input named on the command line: a path, {@code -} for standard input, or
 * {@code env:NAME} for the value of an environment variable (for CI systems that cannot write
 * secret files). Errors name the input and say what to do.
 */
public final class InputFiles {
    public static final int MAX_BYTES = 1 << 20;

    private InputFiles() {
    }

    public static byte[] read(String spec, Map<String, String> env, InputStream stdin) {
        if (spec == null || spec.isEmpty()) {
            throw new LanyardException(Failure.USAGE, "an input file name is empty");
        }
        if (spec.equals("-")) {
            try {
                byte[] data = stdin.readNBytes(MAX_BYTES + 1);
                if (data.length > MAX_BYTES) {
                    throw new LanyardException(Failure.FILE, "stdin: larger than 1 MiB; is this the right input?");
                }
                return data;
            } catch (IOException e) {
                throw new LanyardException(Failure.FILE, "stdin: cannot read (" + e.getMessage() + ")", e);
            }
        }
        if (spec.startsWith("env:")) {
            String name = spec.substring(4);
            String value = env.get(name);
            if (value == null || value.isEmpty()) {
                throw new LanyardException(Failure.FILE, spec + ": environment variable " + name + " is not set");
            }
            return value.getBytes(StandardCharsets.UTF_8);
        }
        return read(Path.of(spec));
    }

    public static byte[] read(Path path) {
        try {
            if (Files.isDirectory(path)) {
                throw new LanyardException(Failure.FILE, path + ": is a directory, expected a file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new LanyardException(Failure.FILE, path + ": larger than 1 MiB; is this the right file?");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new LanyardException(Failure.FILE, path + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new LanyardException(Failure.FILE, path + ": permission denied", e);
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
