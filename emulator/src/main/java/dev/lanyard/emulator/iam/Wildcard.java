package dev.lanyard.emulator.iam;

import dev.lanyard.common.text.Wildcards;
import java.util.Locale;

/** IAM glob matching: {@code *} any run of characters, {@code ?} any one character. */
final class Wildcard {
    private Wildcard() {
    }

    static boolean matches(String pattern, String value, boolean ignoreCase) {
        return ignoreCase
                ? Wildcards.matches(pattern.toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT), true)
                : Wildcards.matches(pattern, value, true);
    }

    /** ArnLike/ArnEquals: each of the six colon-separated parts matched on its own. */
    static boolean arnMatches(String pattern, String value) {
        String[] p = pattern.split(":", 6);
        String[] v = value.split(":", 6);
        if (p.length != 6 || v.length != 6 || !v[0].equals("arn")) {
            return pattern.equals("*");
        }
        for (int i = 0; i < 6; i++) {
            if (!matches(p[i], v[i], false)) {
                return false;
            }
        }
        return true;
    }
}
