package dev.lanyard.issuer.server.policy;

import java.util.Locale;

/**
 * Glob matching where {@code *} matches any run of characters (including {@code /}); nothing else is
 * special. Matched directly (the classic two-pointer walk that backtracks to the last {@code *}),
 * not through a regular expression compiled per check: RBAC is evaluated on every issuance.
 */
final class Glob {
    private Glob() {
    }

    static boolean matches(String glob, String value) {
        int g = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                resume = v;
            } else if (g < glob.length() && glob.charAt(g) == value.charAt(v)) {
                g++;
                v++;
            } else if (star >= 0) {
                g = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    static boolean matchesDns(String glob, String name) {
        return matches(glob.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
    }
}
