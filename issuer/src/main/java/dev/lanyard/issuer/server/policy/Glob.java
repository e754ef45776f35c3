package dev.lanyard.issuer.server.policy;

import dev.lanyard.common.text.Wildcards;
import java.util.Locale;

/**
 * RBAC globs: {@code *} matches any run of characters (including {@code /}); nothing else is special
 * ({@link Wildcards}). DNS names compare case-insensitively.
 */
final class Glob {
    private Glob() {
    }

    static boolean matches(String glob, String value) {
        return Wildcards.matches(glob, value);
    }

    static boolean matchesDns(String glob, String name) {
        return matches(glob.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
    }
}
