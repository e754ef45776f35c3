package dev.lanyard.issuer.cli;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.InputFiles;
import java.nio.charset.StandardCharsets;

/** Reads a secret (password) from a file, {@code -} (stdin) or {@code env:NAME}; one trailing newline is dropped. */
public final class Secrets {
    private Secrets() {
    }

    public static String read(String spec, Env env, String what) {
        String s = new String(InputFiles.read(spec, env.vars(), env.in()), StandardCharsets.UTF_8);
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            throw new LanyardException(Failure.INVALID_INPUT, what + ": " + spec + " is empty");
        }
        return s;
    }
}
